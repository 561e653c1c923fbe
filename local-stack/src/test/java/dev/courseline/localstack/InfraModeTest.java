package dev.courseline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void autoResolvesToAConcreteMode() {
        System.setProperty(InfraMode.PROPERTY, "auto");

        assertThat(InfraMode.resolve()).isIn(InfraMode.EMBEDDED, InfraMode.CONTAINERS);
    }

    @Test
    void anUnknownModeIsRefusedByName() {
        System.setProperty(InfraMode.PROPERTY, "docker");

        assertThatThrownBy(InfraMode::resolve).hasMessageContaining("docker");
    }
}
