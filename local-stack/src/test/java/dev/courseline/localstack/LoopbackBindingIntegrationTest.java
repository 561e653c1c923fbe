package dev.courseline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The identity provider (whose development endpoint hands out tokens without a password), the inbox, the SMTP server,
 * the store and the broker answer on loopback only: another machine on the network reaches none of them.
 */
class LoopbackBindingIntegrationTest {

    @Test
    void everyPieceListensOnLoopbackOnlyByDefault() throws IOException {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        LocalStackSettings settings = LocalStackSettings.forTests(InfraMode.EMBEDDED);

        try (LocalStack stack = LocalStack.start(settings)) {
            Map<String, Integer> ports = Map.of("identity provider", settings.identityPort(),
                    "inbox", settings.inboxPort(), "SMTP", settings.smtpPort(), "store", settings.mongoPort(),
                    "Kafka", settings.kafkaPort());
            ports.forEach((piece, port) -> {
                assertThat(reachable(InetAddress.getLoopbackAddress(), port)).as(piece + " on loopback").isTrue();
                assertThat(reachable(external.get(), port)).as(piece + " on " + external.get()).isFalse();
            });
        }
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(face -> {
                    try {
                        return face.isUp() && !face.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
