package dev.courseline.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.localstack.support.Ports;

/**
 * The launcher's cap on kept emails. A server of its own with a cap of 5: the stack the other tests share keeps
 * everything, and this test needs to know every email its server holds.
 */
class MailRetentionIntegrationTest {

    private static final MailRetention KEEP_FIVE = MailRetention.newest(5);
    private static final Duration TRIMMED_WITHIN = SmtpServer.TRIM_PERIOD.multipliedBy(10);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString();
    private SmtpServer smtp;
    private MailInbox inbox;

    @BeforeEach
    void startMail() {
        smtp = new SmtpServer(Ports.freePort(), KEEP_FIVE).start();
        inbox = new MailInbox(Ports.freePort(), new InboxMessages(smtp.greenMail()), KEEP_FIVE).start();
    }

    @AfterEach
    void stopMail() {
        inbox.close();
        smtp.close();
    }

    @Test
    void onlyTheNewestEmailsAreKeptAndLaterOnesStillArrive() throws Exception {
        // Two recipients: two stored copies per email, which still count as one.
        for (int number = 1; number <= 8; number++) {
            send(subject(number));
        }

        await().atMost(TRIMMED_WITHIN).untilAsserted(() -> {
            assertThat(listedSubjects()).containsExactlyElementsOf(subjects(8, 4));
            assertThat(smtp.greenMail().getReceivedMessages()).hasSize(5 * 2);
        });

        send(subject(9));

        await().atMost(TRIMMED_WITHIN).untilAsserted(() -> {
            assertThat(listedSubjects()).containsExactlyElementsOf(subjects(9, 5));
            assertThat(smtp.greenMail().getReceivedMessages()).hasSize(5 * 2);
        });
        assertThat(get("/").body()).contains("keeps the newest 5 emails; older ones are dropped");
    }

    private String subject(int number) {
        return "Email " + number + " of " + run;
    }

    /** Newest first, as the inbox lists them. */
    private List<String> subjects(int newest, int oldest) {
        return IntStream.iterate(newest, number -> number >= oldest, number -> number - 1).mapToObj(this::subject)
                .toList();
    }

    private void send(String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@courseline.dev"));
        message.setRecipients(Message.RecipientType.TO, "sales@courseline.dev, sam@courseline.dev");
        message.setSubject(subject, "UTF-8");
        message.setText("body of " + subject);
        message.saveChanges();
        Transport.send(message);
    }

    private List<String> listedSubjects() throws IOException, InterruptedException {
        JsonNode all = json.readTree(get("/api/messages").body());
        return all.valueStream().map(node -> node.get("subject").asString()).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(inbox.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
