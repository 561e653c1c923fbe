package dev.courseline.notification.dispatch;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import jakarta.mail.internet.AddressException;

/**
 * Tells a permanent refusal (an SMTP 5xx reply, or an address that can never be valid) from a temporary failure
 * (4xx replies, a server that is down, slow or drops the connection), which is worth retrying.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = nextCause(t)) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException refused) {
                return isPermanentCode(refused.getReturnCode());
            }
            if (t instanceof SMTPSendFailedException refused) {
                return isPermanentCode(refused.getReturnCode());
            }
        }
        return false;
    }

    /** What staff read in the delivery log: the mail server's own reply when it gave one, else the failure. */
    static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        for (Throwable t = failure; t != null; t = nextCause(t)) {
            if (t instanceof SMTPAddressFailedException refused) {
                text = "The mail server refused " + refused.getAddress() + ": " + refused.getMessage();
                break;
            }
            if (t instanceof SMTPSendFailedException refused) {
                text = "The mail server refused the email: " + refused.getMessage();
                break;
            }
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static boolean isPermanentCode(int code) {
        return code >= 500 && code < 600;
    }

    // MessagingException keeps its cause in getNextException as well as getCause.
    private static Throwable nextCause(Throwable t) {
        if (t instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
