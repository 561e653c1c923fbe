package dev.courseline.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Properties;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.courseline.localstack.support.Ports;

/** Tests make one recipient's email fail at the SMTP server, for good or for now, while others' mail flows. */
class RecipientRefusalsIntegrationTest {

    private SmtpServer smtp;

    @BeforeEach
    void startMail() {
        smtp = new SmtpServer(Ports.freePort(), MailRetention.KEEP_ALL).start();
    }

    @AfterEach
    void stopMail() {
        smtp.close();
    }

    @Test
    void aRefusedRecipientGetsTheReplyCodeAndOthersAndLaterMailAreAccepted() throws Exception {
        smtp.refusals().refuse("Bounce@Example.org", 550);
        assertThat(replyCode(() -> send("bounce@example.org", "first"))).isEqualTo(550);
        send("someone.else@example.org", "second");

        smtp.refusals().refuse("bounce@example.org", 451);
        assertThat(replyCode(() -> send("bounce@example.org", "third"))).isEqualTo(451);

        smtp.refusals().accept("bounce@example.org");
        send("bounce@example.org", "fourth");
        assertThat(Arrays.stream(smtp.greenMail().getReceivedMessages()).map(this::subject))
                .containsExactlyInAnyOrder("second", "fourth");
    }

    @Test
    void aRefusalSurvivesTheListenerRestartingOnTheSamePort() throws Exception {
        smtp.refusals().refuse("bounce@example.org", 550);
        smtp.stopListening();
        smtp.startListening();
        assertThat(replyCode(() -> send("bounce@example.org", "after restart"))).isEqualTo(550);
    }

    private int replyCode(Sending sending) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(sending::send).isInstanceOf(SendFailedException.class).satisfies(e -> failure[0] = e);
        for (Exception next = (Exception) failure[0]; next != null; next = next instanceof MessagingException m
                ? m.getNextException()
                : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode();
            }
        }
        throw new AssertionError("no SMTP reply code in " + failure[0]);
    }

    private void send(String to, String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("courseline@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello");
        Transport.send(message);
    }

    private String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Sending {
        void send() throws MessagingException;
    }
}
