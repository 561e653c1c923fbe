package dev.courseline.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The launcher starts the services with the root pom's courseline.jvm.flags, as the build filtered them in. */
class ServiceProcessFlagsTest {

    @Test
    void theServicesJvmFlagsAreTheRootPomsProperty() throws IOException {
        Matcher property = Pattern.compile("<courseline\\.jvm\\.flags>([^<]+)</courseline\\.jvm\\.flags>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(property.find()).as("courseline.jvm.flags in the root pom").isTrue();

        assertThat(ServiceProcess.JVM_FLAGS).isEqualTo(List.of(property.group(1).trim().split("\\s+")));
    }
}
