package dev.courseline.localstack.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;

/**
 * Drops the oldest emails from GreenMail's in-memory store so that at most {@link MailRetention#keepNewest()} remain.
 *
 * <p>It runs on its own daemon thread every {@code period}, never on an SMTP delivery thread: a delivery only ever
 * waits for the folder's list lock while one folder is expunged (a pass over at most a few thousand entries). Copies
 * are marked {@code \Deleted} and the folder expunged, which removes only marked messages, so a message delivered
 * during a pass is never touched. Between passes the store can hold one period's worth of emails above the cap.
 */
final class MailStoreTrimmer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailStoreTrimmer.class);
    /** Oldest first; the uid orders copies received in the same millisecond within a folder. */
    private static final Comparator<StoredMessage> RECEIVED = Comparator.comparing(StoredMessage::getReceivedDate)
            .thenComparingLong(StoredMessage::getUid);

    private final GreenMail greenMail;
    private final int keepNewest;
    /**
     * Each pass looks at every stored copy; reading the Message-ID header of each anew took most of this thread's
     * time. Entries go when GreenMail lets go of the message (identity keys: StoredMessage has no equals).
     */
    private final Map<StoredMessage, String> keys = Collections.synchronizedMap(new WeakHashMap<>());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mail-retention");
        thread.setDaemon(true);
        return thread;
    });

    MailStoreTrimmer(GreenMail greenMail, MailRetention retention) {
        this.greenMail = greenMail;
        this.keepNewest = retention.keepNewest();
    }

    MailStoreTrimmer start(Duration period) {
        scheduler.scheduleWithFixedDelay(this::trimQuietly, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Removes every stored copy of all but the newest emails; answers how many emails it dropped. */
    int trim() throws FolderException {
        Map<MailFolder, List<StoredMessage>> byFolder = new LinkedHashMap<>();
        List<StoredMessage> all = new ArrayList<>();
        // Looked up on every pass: GreenMail.stop() replaces its managers and with them the store.
        for (MailFolder folder : greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
            // getMessages() is a view of a synchronized list: copying it takes the lock, iterating it would not.
            List<StoredMessage> messages = List.copyOf(folder.getMessages());
            byFolder.put(folder, messages);
            all.addAll(messages);
        }
        all.sort(RECEIVED);
        // Its first copy decides the age of an email, as on the inbox page.
        List<String> oldestFirst = new ArrayList<>(all.stream().map(this::keyOf).distinct().toList());
        int drop = oldestFirst.size() - keepNewest;
        if (drop <= 0) {
            return 0;
        }
        Set<String> dropped = new HashSet<>(oldestFirst.subList(0, drop));
        byFolder.forEach((folder, messages) -> {
            boolean marked = false;
            for (StoredMessage message : messages) {
                if (dropped.contains(keyOf(message))) {
                    message.setFlag(Flags.Flag.DELETED, true);
                    marked = true;
                }
            }
            if (marked) {
                try {
                    folder.expunge();
                } catch (FolderException e) {
                    throw new IllegalStateException("could not expunge " + folder.getFullName(), e);
                }
            }
        });
        return drop;
    }

    private String keyOf(StoredMessage message) {
        return keys.computeIfAbsent(message, EmailKey::of);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** An exception escaping a scheduled task would cancel every later pass, so it is logged and the next pass runs. */
    private void trimQuietly() {
        try {
            trim();
        } catch (Exception e) {
            LOG.warn("could not drop old emails from the mail store; trying again in the next pass", e);
        }
    }
}
