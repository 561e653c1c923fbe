package dev.courseline.localstack.mail;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;

/**
 * Delivers every recipient's copy of every email into one mailbox. By default GreenMail creates an account and a
 * mailbox for each new address and finds them again by walking the list of all mailboxes: with a new requester in
 * every enquiry, each email cost more than the one before (a quarter of the launcher's CPU six minutes into a load run
 * of 100 enquiries a second). The inbox page and the retention cap read the recipients from the headers, never from
 * the mailbox, so nothing they show changes; a message still has one stored copy per recipient.
 */
final class CatchAllMailbox implements MessageDeliveryHandler {

    static final String ADDRESS = "inbox@localhost";

    private final GreenMailUser mailbox;

    private CatchAllMailbox(GreenMailUser mailbox) {
        this.mailbox = mailbox;
    }

    /** Makes {@code users} deliver everything to the one mailbox, creating it the first time. */
    static void install(UserManager users) {
        try {
            GreenMailUser existing = users.getUserByEmail(ADDRESS);
            GreenMailUser mailbox = existing != null ? existing : users.createUser(ADDRESS, ADDRESS, ADDRESS);
            users.setMessageDeliveryHandler(new CatchAllMailbox(mailbox));
        } catch (UserException e) {
            throw new IllegalStateException("could not create the catch-all mailbox " + ADDRESS, e);
        }
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
        return mailbox;
    }
}
