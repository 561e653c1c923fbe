package dev.courseline.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import org.junit.jupiter.api.Test;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
class MailInboxIntegrationTest {

    private final LocalStack stack = LocalStack.current();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEmailToThreeRecipientsIsListedOnceWithItsFields() throws Exception {
        String subject = "New lead " + UUID.randomUUID();
        MimeMessage message = message(subject);
        message.setRecipients(Message.RecipientType.TO, "sales@courseline.dev, sam@courseline.dev");
        message.setRecipients(Message.RecipientType.CC, "sofia@courseline.dev");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Acme wants a programme for 12 people", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Acme wants a programme for <b>12</b> people</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource("BEGIN:VCALENDAR", "text/calendar")));
        attachment.setFileName("invite.ics");
        message.setContent(new MimeMultipart(body, attachment));
        send(message);

        List<JsonNode> listed = await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesWithSubject(subject), found -> !found.isEmpty());

        assertThat(listed).hasSize(1);
        JsonNode email = listed.get(0);
        assertThat(email.get("from").asString()).isEqualTo("noreply@courseline.dev");
        assertThat(email.get("to")).extracting(JsonNode::asString)
                .containsExactly("sales@courseline.dev", "sam@courseline.dev");
        assertThat(email.get("cc")).extracting(JsonNode::asString).containsExactly("sofia@courseline.dev");
        assertThat(email.get("text").asString()).isEqualTo("Acme wants a programme for 12 people");
        assertThat(email.get("html").asString()).isEqualTo("<p>Acme wants a programme for <b>12</b> people</p>");
        assertThat(email.get("attachments")).extracting(JsonNode::asString).containsExactly("invite.ics");
        assertThat(email.get("messageId").asString()).isEqualTo(message.getMessageID());
        assertThat(email.get("receivedAt").asString()).isNotBlank();
        assertThat(get("/messages/" + email.get("id").asString()).body())
                .contains("Acme wants a programme for 12 people");
    }

    /** Each new address used to get its own mailbox, found by a walk over all of them: slower with every requester. */
    @Test
    void emailsToManyNewAddressesAllLandInTheOneCatchAllMailbox() throws Exception {
        String subject = "Acknowledgement " + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            MimeMessage message = message(subject);
            message.setRecipients(Message.RecipientType.TO, "learner-" + UUID.randomUUID() + "@example.org");
            message.setText("Thanks for your enquiry");
            send(message);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesWithSubject(subject), found -> found.size() == 20);
        String catchAll = stack.greenMail().getUserManager().getUserByEmail(CatchAllMailbox.ADDRESS)
                .getQualifiedMailboxName();
        assertThat(stack.greenMail().getManagers().getImapHostManager().getStore().listMailboxes("*"))
                .extracting(folder -> folder.getFullName())
                .allMatch(name -> name.contains("." + catchAll), "every mailbox is the catch-all's");
    }

    @Test
    void htmlInASubjectIsEscapedOnThePage() throws Exception {
        String marker = UUID.randomUUID().toString();
        MimeMessage message = message("<script>alert('" + marker + "')</script> & more");
        message.setRecipients(Message.RecipientType.TO, "sales@courseline.dev");
        message.setText("body");
        send(message);

        String page = await().atMost(Duration.ofSeconds(10)).until(() -> get("/").body(),
                body -> body.contains(marker));

        assertThat(page).contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt; &amp; more");
        assertThat(page).doesNotContain("<script>alert('" + marker);
    }

    @Test
    void smtpStopsAndStartsOnTheSamePortKeepingReceivedEmails() throws Exception {
        String before = "Before the SMTP restart " + UUID.randomUUID();
        String after = "After the SMTP restart " + UUID.randomUUID();
        MimeMessage first = message(before);
        first.setRecipients(Message.RecipientType.TO, "sales@courseline.dev");
        first.setText("first");
        send(first);

        stack.stopSmtp();
        MimeMessage refused = message("refused");
        refused.setRecipients(Message.RecipientType.TO, "sales@courseline.dev");
        refused.setText("refused");
        assertThatThrownBy(() -> send(refused)).isInstanceOf(MessagingException.class);
        stack.startSmtp();
        MimeMessage second = message(after);
        second.setRecipients(Message.RecipientType.TO, "sales@courseline.dev");
        second.setText("second");
        send(second);

        await().atMost(Duration.ofSeconds(10)).until(() -> messagesWithSubject(after).size() == 1);
        assertThat(messagesWithSubject(before)).hasSize(1);
    }

    private MimeMessage message(String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", System.getProperty("SMTP_HOST"));
        properties.put("mail.smtp.port", System.getProperty("SMTP_PORT"));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@courseline.dev"));
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
    }

    private List<JsonNode> messagesWithSubject(String subject) throws IOException, InterruptedException {
        JsonNode all = json.readTree(get("/api/messages").body());
        return all.valueStream().filter(node -> node.get("subject").asString().equals(subject)).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.inboxUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
