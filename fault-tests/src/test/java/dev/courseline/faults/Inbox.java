package dev.courseline.faults;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the SMTP server received, read from the stack's GreenMail in this JVM: how many emails each address got, and
 * how many lead emails name each organisation (their subject is "New lead: organisation, programme ...").
 */
final class Inbox {

    /** The counts at one moment. */
    record Counts(Map<String, Integer> toAddress, Map<String, Integer> leadsFor) {

        int to(String address) {
            return toAddress.getOrDefault(address.toLowerCase(Locale.ROOT), 0);
        }

        int leadsFor(String organisation) {
            return leadsFor.getOrDefault(organisation, 0);
        }
    }

    private static final String LEAD = "New lead: ";

    private final GreenMail greenMail;

    Inbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    Counts counts() {
        Map<String, Integer> toAddress = new HashMap<>();
        Map<String, Integer> leads = new HashMap<>();
        // One stored copy per recipient; the faults' emails each have one recipient.
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                if (to != null) {
                    for (Address address : to) {
                        String mail = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
                        toAddress.merge(mail.toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
                String subject = message.getSubject();
                if (subject != null && subject.startsWith(LEAD)) {
                    int comma = subject.indexOf(',', LEAD.length());
                    String organisation = comma < 0 ? subject.substring(LEAD.length()) : subject.substring(LEAD.length(), comma);
                    leads.merge(organisation, 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable email in the inbox", e);
            }
        }
        return new Counts(toAddress, leads);
    }
}
