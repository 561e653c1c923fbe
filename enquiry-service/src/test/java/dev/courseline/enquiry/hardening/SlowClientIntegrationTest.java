package dev.courseline.enquiry.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.courseline.localstack.junit.WithLocalStack;

/**
 * A client that opens a connection and sends half a request is disconnected within the configured time, whether it
 * stalls in its headers (idle timeout) or in its body (read timeout), so slow clients cannot hold the intake.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "courseline.http.read-timeout=1s", "courseline.http.request-timeout=3s", "server.netty.idle-timeout=1s"})
class SlowClientIntegrationTest {

    private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(6);

    @LocalServerPort
    int port;

    @Test
    void aClientThatStopsHalfWayThroughItsBodyIsDisconnected() throws IOException {
        String head = "POST /api/enquiries/in-house-quotes HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n{\"organisation\": {\"name\": \"Slo";

        assertThat(timeUntilClosed(head)).isLessThan(CUT_OFF_WITHIN);
    }

    @Test
    void aClientThatStopsHalfWayThroughItsHeadersIsDisconnected() throws IOException {
        assertThat(timeUntilClosed("POST /api/enquiries/memberships HTTP/1.1\r\nHost: localh"))
                .isLessThan(CUT_OFF_WITHIN);
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        assertThat(timeUntilClosed("")).isLessThan(CUT_OFF_WITHIN);
    }

    /** Sends {@code partial}, then nothing more, and answers how long the server took to close the connection. */
    private Duration timeUntilClosed(String partial) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) CUT_OFF_WITHIN.multipliedBy(3).toMillis());
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                // A 408 answer may come first; the connection must then end.
                while (in.read() != -1) {
                    // drain
                }
            } catch (java.net.SocketException reset) {
                // closed by a reset: cut off all the same
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
