package dev.courseline.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Renders a Kustomize directory with {@code kubectl kustomize}, exactly as a user would before applying it. */
final class Kustomize {

    private static final Map<Path, Rendered> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** Renders once per run; the overlays do not change while the tests run. */
    static Rendered render(Path directory) {
        return CACHE.computeIfAbsent(directory.toAbsolutePath().normalize(), Kustomize::renderNow);
    }

    static Rendered renderNow(Path directory) {
        String output = kubectl("kustomize", directory.toString());
        List<KubeObject> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output)) {
            if (document != null) {
                objects.add(new KubeObject(Tree.map(document)));
            }
        }
        return new Rendered(directory.getFileName().toString(), objects);
    }

    private static String kubectl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not installed or not on the PATH. The deployment checks render every "
                    + "overlay with `kubectl kustomize` (kubectl 1.27 or newer, whose built-in Kustomize knows "
                    + "components). Install kubectl and run the checks again.", e);
        }
        // Both streams are drained at once, so a large render cannot block on a full pipe.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + ":\n" + stderr.join());
        }
        return stdout.join();
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
