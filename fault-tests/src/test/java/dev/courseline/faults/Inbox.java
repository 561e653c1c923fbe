package dev.courseline.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * What the SMTP server received, read from the stack's GreenMail in this JVM: how many emails each address got, and
 * how many lead emails name each organisation (their subject is "New lead: organisation, programme ...") and how many
 * escalations ("Overdue lead: organisation was due an answer by ...").
 */
final class Inbox {

    /**
     * The counts at one moment; {@code repeatsTo} and {@code leadRepeatsFor}: how many times an email already received
     * (same Message-ID) arrived again, by address and by the organisation a lead email names.
     */
    record Counts(Map<String, Set<String>> toAddress, Map<String, Set<String>> leadsFor,
            Map<String, Integer> repeatsTo, Map<String, Integer> leadRepeatsFor, Map<String, Set<String>> overdueFor) {

        /** Emails to the address that arrived again with a Message-ID already received. */
        int repeatsTo(String address) {
            return repeatsTo.getOrDefault(address.toLowerCase(Locale.ROOT), 0);
        }

        /** Lead emails naming the organisation that arrived again with a Message-ID already received. */
        int leadRepeatsFor(String organisation) {
            return leadRepeatsFor.getOrDefault(organisation, 0);
        }

        /** Distinct emails (by Message-ID) to the address. */
        int to(String address) {
            return toAddress.getOrDefault(address.toLowerCase(Locale.ROOT), Set.of()).size();
        }

        /** Distinct lead emails (by Message-ID) naming the organisation. */
        int leadsFor(String organisation) {
            return leadsFor.getOrDefault(organisation, Set.of()).size();
        }

        /** Distinct escalations of an overdue lead (by Message-ID) naming the organisation. */
        int overdueFor(String organisation) {
            return overdueFor.getOrDefault(organisation, Set.of()).size();
        }
    }

    private static final String LEAD = "New lead: ";
    private static final String OVERDUE = "Overdue lead: ";
    private static final String OVERDUE_END = " was due an answer by ";

    private final GreenMail greenMail;

    Inbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    Counts counts() {
        Map<String, Set<String>> toAddress = new HashMap<>();
        Map<String, Set<String>> leads = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> repeatsTo = new HashMap<>();
        Map<String, Integer> leadRepeats = new HashMap<>();
        Map<String, Set<String>> overdue = new HashMap<>();
        // One stored copy per recipient; the faults' emails each have one recipient.
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                String messageId = message.getMessageID();
                // The same email delivered again: accepted by the server, then the sender died before recording it.
                boolean repeat = !seen.add(messageId);
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                if (to != null) {
                    for (Address address : to) {
                        String mail = (address instanceof InternetAddress internet
                                ? internet.getAddress()
                                : address.toString()).toLowerCase(Locale.ROOT);
                        toAddress.computeIfAbsent(mail, key -> new HashSet<>()).add(messageId);
                        if (repeat) {
                            repeatsTo.merge(mail, 1, Integer::sum);
                        }
                    }
                }
                String subject = message.getSubject();
                if (subject != null && subject.startsWith(LEAD)) {
                    int comma = subject.indexOf(',', LEAD.length());
                    String organisation = comma < 0
                            ? subject.substring(LEAD.length())
                            : subject.substring(LEAD.length(), comma);
                    leads.computeIfAbsent(organisation, key -> new HashSet<>()).add(messageId);
                    if (repeat) {
                        leadRepeats.merge(organisation, 1, Integer::sum);
                    }
                }
                if (subject != null && subject.startsWith(OVERDUE) && subject.contains(OVERDUE_END)) {
                    String organisation = subject.substring(OVERDUE.length(), subject.indexOf(OVERDUE_END));
                    overdue.computeIfAbsent(organisation, key -> new HashSet<>()).add(messageId);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable email in the inbox", e);
            }
        }
        return new Counts(toAddress, leads, repeatsTo, leadRepeats, overdue);
    }
}
