package dev.courseline.localstack.mail;

/**
 * How many received emails the SMTP server keeps. GreenMail holds every email in memory forever, which a load run of
 * 100 emails a second turns into hundreds of megabytes and long GC pauses in the JVM the load is measured against; the
 * launcher therefore keeps only the newest ones. Tests keep everything, because they count and parse what arrived.
 * An email counts once however many recipients (stored copies) it has.
 */
public record MailRetention(int keepNewest) {

    public static final MailRetention KEEP_ALL = new MailRetention(Integer.MAX_VALUE);

    public MailRetention {
        if (keepNewest < 1) {
            throw new IllegalArgumentException("keepNewest must be at least 1, was " + keepNewest);
        }
    }

    public static MailRetention newest(int emails) {
        return new MailRetention(emails);
    }

    public boolean keepsAll() {
        return keepNewest == Integer.MAX_VALUE;
    }
}
