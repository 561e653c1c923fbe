package dev.courseline.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.courseline.localstack.support.ChildProcesses;
import dev.courseline.localstack.support.Ports;

/** A real child JVM that answers health, SIGKILLed under the supervisor: it comes back on its port. */
class SupervisorIntegrationTest {

    private static final String FAKE_SERVICE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            public class HealthyService {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(
                            new InetSocketAddress(Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
                    server.createContext("/actuator/health/readiness", exchange -> {
                        exchange.sendResponseHeaders(200, -1);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("2026-12-02T05:00:00.000Z  INFO 1 --- [fake] [main] HealthyService : up");
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void aServiceKilledWithSigkillIsRestartedAndHealthyAgain() throws IOException {
        List<String> console = new CopyOnWriteArrayList<>();
        Path log = directory.resolve("logs/fake.log");
        ServiceProcess service = new ServiceProcess("fake", fakeServiceJar(), Ports.freePort(), Map.of(),
                new ServiceOutput(log, console::add));
        Supervisor.Policy policy = new Supervisor.Policy(Duration.ofMillis(100), Duration.ofSeconds(1), 3,
                Duration.ofMinutes(1), Duration.ofSeconds(30));
        try (service;
                Supervisor supervisor = new Supervisor(List.of(service), policy, name -> log, console::add,
                        Clock.systemUTC())) {
            service.start().awaitHealthy(Duration.ofSeconds(30));
            supervisor.watch();
            long firstPid = service.pid();

            ChildProcesses.signal(firstPid, "KILL");

            await().atMost(Duration.ofSeconds(30)).until(() -> console.stream().anyMatch(
                    line -> line.startsWith("[launcher] fake restarted: healthy again after")));
            assertThat(service.pid()).isNotEqualTo(firstPid);
            assertThat(service.isHealthy()).isTrue();
            assertThat(console).anyMatch(line -> line.startsWith("[launcher] fake died (exit code 137); restarting"));
            // The service's own INFO lines go to its log only, from both runs.
            assertThat(console).noneMatch(line -> line.contains("HealthyService : up"));
            assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains("HealthyService : up")).hasSize(2);
        }
    }

    private Path fakeServiceJar() throws IOException {
        Path source = directory.resolve("HealthyService.java");
        Files.writeString(source, FAKE_SERVICE);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", directory.toString(),
                source.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "HealthyService");
        Path jar = directory.resolve("healthy-service-exec.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("HealthyService.class"));
            out.write(Files.readAllBytes(directory.resolve("HealthyService.class")));
            out.closeEntry();
        }
        return jar;
    }
}
