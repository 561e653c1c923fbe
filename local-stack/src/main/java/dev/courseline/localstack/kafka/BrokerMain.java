package dev.courseline.localstack.kafka;

/**
 * Entry point of the broker process: runs {@code kafka.Kafka} and exits when the JVM that started it is gone, so a
 * test run killed hard (or a launcher killed with SIGKILL) leaves no broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0));
        kafka.Kafka.main(new String[]{args[1]});
    }
}
