package dev.courseline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.courseline.localstack.support.Ports;

class LocalStackLifecycleIntegrationTest {

    @Test
    void closingAStackLeavesNoProcessAndNoListeningPort() {
        LocalStackSettings settings = LocalStackSettings.forTests(InfraMode.EMBEDDED);
        List<ProcessHandle> childrenBefore = ProcessHandle.current().children().toList();

        LocalStack stack = LocalStack.start(settings);
        List<ProcessHandle> broker = ProcessHandle.current().children()
                .filter(child -> !childrenBefore.contains(child)).toList();
        assertThat(broker).as("the broker runs as a child process").hasSize(1);
        stack.close();

        assertThat(broker.get(0).isAlive()).isFalse();
        assertThat(List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.mongoPort(),
                settings.smtpPort(), settings.inboxPort(), settings.identityPort()))
                .allSatisfy(port -> assertThat(Ports.isListening(port)).as("port %d listening", port).isFalse());
    }
}
