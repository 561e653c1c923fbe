package dev.courseline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfraModeTest {

    private final String before = System.getProperty(InfraMode.PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(InfraMode.PROPERTY);
        } else {
            System.setProperty(InfraMode.PROPERTY, before);
        }
    }

    @Test
    void anExplicitModeIsTakenAsItIs() {
        System.setProperty(InfraMode.PROPERTY, "containers");
        assertThat(InfraMode.resolve()).isEqualTo(InfraMode.CONTAINERS);

        System.setProperty(InfraMode.PROPERTY, " Embedded ");
        assertThat(InfraMode.resolve()).isEqualTo(InfraMode.EMBEDDED);
    }

    @Test
    void autoTakesContainersWhenTheDockerProbeAnswersAndEmbeddedWhenItDoesNot() {
        assertThat(InfraMode.resolve("auto", () -> true)).isEqualTo(InfraMode.CONTAINERS);
        assertThat(InfraMode.resolve(" AUTO ", () -> false)).isEqualTo(InfraMode.EMBEDDED);
    }

    @Test
    void anExplicitModeNeverAsksTheDockerProbe() {
        BooleanSupplier mustNotBeAsked = () -> {
            throw new AssertionError("the Docker probe was asked for an explicit mode");
        };

        assertThat(InfraMode.resolve("embedded", mustNotBeAsked)).isEqualTo(InfraMode.EMBEDDED);
        assertThat(InfraMode.resolve("containers", mustNotBeAsked)).isEqualTo(InfraMode.CONTAINERS);
    }

    @Test
    void anUnknownModeIsRefusedByName() {
        System.setProperty(InfraMode.PROPERTY, "docker");

        assertThatThrownBy(InfraMode::resolve).hasMessageContaining("docker");
    }
}
