package dev.courseline.localstack.mail;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;

/**
 * Recipients the SMTP server refuses at {@code RCPT TO}, with the reply it gives, so that tests can make one email
 * fail, temporarily (4xx) or for good (5xx), while every other recipient's mail flows.
 */
public final class RecipientRefusals {

    private final Map<String, String> replies = new ConcurrentHashMap<>();

    /** Refuses {@code address} from now on with an SMTP {@code code} (450 to 554) and its reason. */
    public void refuse(String address, int code) {
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("an SMTP refusal is a 4xx or 5xx reply, not " + code);
        }
        String status = code >= 500 ? "5.1.1" : "4.2.1";
        replies.put(key(address), code + " " + status + " Mailbox refused by the local stack for this test");
    }

    public void accept(String address) {
        replies.remove(key(address));
    }

    String replyFor(MailAddress recipient) {
        return replies.get(key(recipient.getEmail()));
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** GreenMail's managers, with an SMTP manager that asks the refusals about each recipient. */
    static final class RefusingManagers extends Managers {

        private final SmtpManager smtp;

        RefusingManagers(RecipientRefusals refusals) {
            SmtpManager plain = super.getSmtpManager();
            this.smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    String refusal = refusals.replyFor(recipient);
                    return refusal != null ? refusal : plain.checkRecipient(state, recipient);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
