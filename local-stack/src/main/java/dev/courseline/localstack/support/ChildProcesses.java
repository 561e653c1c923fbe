package dev.courseline.localstack.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the JVM child processes the stack runs (broker, storage tool, services). */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The {@code setsid} program where there is one (Linux), to start a child in its own session. */
    public static java.util.Optional<String> setsid() {
        return java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
                .filter(path -> java.nio.file.Files.isExecutable(Path.of(path)))
                .findFirst();
    }

    /** The classpath of this JVM: the test classpath in tests, local-stack's jar and target/lib in the launcher. */
    public static String currentClasspath() {
        return System.getProperty("java.class.path");
    }

    /** Sends a POSIX signal (STOP, CONT, KILL...) to a process with kill(1), which Java cannot send itself. */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + signal + " to " + pid, e);
        }
    }

    /** Asks the process to stop (SIGTERM), waits for it, and kills it (and anything it started) when it does not. */
    public static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
