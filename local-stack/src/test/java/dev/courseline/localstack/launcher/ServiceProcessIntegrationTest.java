package dev.courseline.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.courseline.localstack.support.Ports;

/** Runs ServiceProcess against a tiny runnable jar that behaves like a service: health on SERVER_PORT, or a crash. */
class ServiceProcessIntegrationTest {

    private static final String FAKE_SERVICE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            public class FakeService {
                public static void main(String[] args) throws Exception {
                    if ("crash".equals(System.getenv("FAKE_MODE"))) {
                        System.out.println("cannot start: " + System.getenv("MONGODB_URI"));
                        System.exit(3);
                    }
                    int port = Integer.parseInt(System.getenv("SERVER_PORT"));
                    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                    byte[] up = "{\\"status\\":\\"UP\\"}".getBytes();
                    server.createContext("/actuator/health/readiness", exchange -> {
                        exchange.sendResponseHeaders(200, up.length);
                        exchange.getResponseBody().write(up);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("listening on " + port);
                }
            }
            """;

    @TempDir
    static Path directory;
    private static Path jar;

    @BeforeAll
    static void buildFakeServiceJar() throws IOException {
        Path source = directory.resolve("FakeService.java");
        Files.writeString(source, FAKE_SERVICE);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", directory.toString(),
                source.toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeService");
        jar = directory.resolve("fake-service-exec.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("FakeService.class"));
            out.write(Files.readAllBytes(directory.resolve("FakeService.class")));
            out.closeEntry();
        }
    }

    @Test
    void aServiceStartsBecomesHealthyPrefixesItsOutputAndStops() {
        int port = Ports.freePort();
        List<String> lines = new CopyOnWriteArrayList<>();
        ServiceProcess service = new ServiceProcess("fake", jar, port, Map.of(), lines::add);

        service.start().awaitHealthy(Duration.ofSeconds(30));

        assertThat(service.isHealthy()).isTrue();
        assertThat(service.residentMemoryKib()).isPresent();
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("[fake] listening on " + port));
        service.stop();
        assertThat(service.isRunning()).isFalse();
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void aServiceThatExitsIsReportedWithItsLastLines() {
        ServiceProcess service = new ServiceProcess("crashing", jar, Ports.freePort(),
                Map.of("FAKE_MODE", "crash", "MONGODB_URI", "mongodb://localhost:1/x"), line -> {
                });

        assertThatThrownBy(() -> service.start().awaitHealthy(Duration.ofSeconds(30)))
                .hasMessageContaining("crashing exited with 3")
                .hasMessageContaining("cannot start: mongodb://localhost:1/x");
    }
}
