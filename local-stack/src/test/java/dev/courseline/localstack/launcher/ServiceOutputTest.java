package dev.courseline.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceOutputTest {

    @TempDir
    Path directory;

    @Test
    void theConsoleGetsWarningsAndErrorsWithTheirStackTracesAndTheFileGetsEverything() throws Exception {
        List<String> console = new ArrayList<>();
        Path file = directory.resolve("logs/enquiry-service.log");
        try (ServiceOutput output = new ServiceOutput(file, console::add)) {
            output.accept("[enquiry]   .   ____          _            __ _ _");
            output.accept(
                    "[enquiry] 2026-12-02T05:00:00.000Z  INFO 42 --- [enquiry-service] [main] o.a.k.c.p.ProducerConfig : ProducerConfig values:");
            output.accept("[enquiry] \tacks = -1");
            output.accept(
                    "[enquiry] 2026-12-02T05:00:01.000Z  WARN 42 --- [enquiry-service] [main] d.c.e.Outbox : broker away");
            output.accept(
                    "[enquiry] 2026-12-02T05:00:02.000Z ERROR 42 --- [enquiry-service] [main] d.c.e.Intake : failed");
            output.accept("[enquiry] java.lang.IllegalStateException: boom");
            output.accept("[enquiry] \tat dev.courseline.Intake.accept(Intake.java:1)");
            output.accept(
                    "[enquiry] 2026-12-02T05:00:03.000Z  INFO 42 --- [enquiry-service] [main] d.c.e.App : Started");
            output.accept("[enquiry] Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
        }

        assertThat(console).containsExactly(
                "[enquiry] 2026-12-02T05:00:01.000Z  WARN 42 --- [enquiry-service] [main] d.c.e.Outbox : broker away",
                "[enquiry] 2026-12-02T05:00:02.000Z ERROR 42 --- [enquiry-service] [main] d.c.e.Intake : failed",
                "[enquiry] java.lang.IllegalStateException: boom",
                "[enquiry] \tat dev.courseline.Intake.accept(Intake.java:1)",
                "[enquiry] Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
        List<String> logged = Files.readAllLines(file);
        assertThat(logged).hasSize(9);
        assertThat(logged.get(2)).isEqualTo("\tacks = -1");
    }
}
