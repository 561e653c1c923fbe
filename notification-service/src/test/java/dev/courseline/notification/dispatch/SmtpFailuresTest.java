package dev.courseline.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

class SmtpFailuresTest {

    @Test
    void a5xxReplyIsPermanent() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 550,
                "550 mailbox unavailable");
        assertThat(SmtpFailures.isPermanent(new MessagingException("send failed", refused))).isTrue();
        assertThat(SmtpFailures.isPermanent(new SMTPSendFailedException("DATA", 554, "554 rejected", null, null,
                null, null))).isTrue();
    }

    @Test
    void a4xxReplyOrAnUnreachableServerIsTemporary() {
        assertThat(SmtpFailures.isPermanent(new SMTPSendFailedException("DATA", 451, "451 try later", null, null,
                null, null))).isFalse();
        assertThat(SmtpFailures.isPermanent(new MessagingException("Couldn't connect", new ConnectException())))
                .isFalse();
    }

    @Test
    void theDeliveryLogGetsTheMailServersOwnReply() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 550,
                "550 5.1.1 mailbox unavailable");
        assertThat(SmtpFailures.describe(new SendFailedException("Invalid Addresses", refused)))
                .isEqualTo("The mail server refused x@example.com: 550 5.1.1 mailbox unavailable");
        assertThat(SmtpFailures.describe(new MessagingException("Couldn't connect", new ConnectException())))
                .startsWith("MessagingException: Couldn't connect");
    }

    @Test
    void anAddressThatCanNeverBeValidIsPermanent() {
        assertThat(SmtpFailures.isPermanent(new AddressException("bad address"))).isTrue();
    }
}
