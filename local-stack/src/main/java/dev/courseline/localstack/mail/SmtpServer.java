package dev.courseline.localstack.mail;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.courseline.localstack.support.BindAddress;

/**
 * GreenMail with SMTP only and no authentication, which can stop and start its SMTP listener on the same port while
 * keeping what it received ({@link GreenMail#stop()} would throw the mail store away), and which keeps only the newest
 * emails when its {@link MailRetention} says so.
 */
public final class SmtpServer {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /*
     * Jakarta Mail looks its StreamProvider up through ServiceLoader at every decoding of every part received, which
     * scans every jar on the class path: 5% of the launcher's CPU under load. Naming the provider (the one Angus Mail
     * registers) skips the lookup; an explicit setting wins.
     */
    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /**
     * A load run of 100 emails a second then holds about 500 above the cap, a few MB. Every second, the passes over
     * the 2,000 kept emails took 4% of the launcher's CPU samples in a lead-email run at 60 a second.
     */
    static final Duration TRIM_PERIOD = Duration.ofSeconds(5);

    private final RecipientRefusals refusals = new RecipientRefusals();
    private final RestartableGreenMail greenMail;
    private final int port;
    private final MailRetention retention;
    private Optional<MailStoreTrimmer> trimmer = Optional.empty();

    public SmtpServer(int port, MailRetention retention) {
        this.port = port;
        this.retention = retention;
        this.greenMail = new RestartableGreenMail(new ServerSetup(port, BindAddress.host(), ServerSetup.PROTOCOL_SMTP),
                refusals);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public SmtpServer start() {
        greenMail.start();
        CatchAllMailbox.install(greenMail.getUserManager());
        if (!retention.keepsAll()) {
            trimmer = Optional.of(new MailStoreTrimmer(greenMail, retention).start(TRIM_PERIOD));
        }
        return this;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** The recipients this server refuses, and how. */
    public RecipientRefusals refusals() {
        return refusals;
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return port;
    }

    public void stopListening() {
        greenMail.stopSmtp();
    }

    public void startListening() {
        greenMail.startSmtp();
    }

    public void close() {
        trimmer.ifPresent(MailStoreTrimmer::close);
        greenMail.stop();
    }

    private static final class RestartableGreenMail extends GreenMail {

        private static final long STARTUP_TIMEOUT_MS = 10_000;

        RestartableGreenMail(ServerSetup setup, RecipientRefusals refusals) {
            super(setup);
            // GreenMail builds its own managers at start only when none are set.
            managers = new RecipientRefusals.RefusingManagers(refusals);
        }

        synchronized void stopSmtp() {
            for (Map.Entry<String, AbstractServer> entry : services.entrySet()) {
                if (entry.getValue() instanceof com.icegreen.greenmail.smtp.SmtpServer smtp && smtp.isRunning()) {
                    smtp.stopService();
                }
            }
        }

        synchronized void startSmtp() {
            for (Map.Entry<String, AbstractServer> entry : services.entrySet()) {
                if (entry.getValue() instanceof com.icegreen.greenmail.smtp.SmtpServer stopped
                        && !stopped.isRunning()) {
                    var fresh = new com.icegreen.greenmail.smtp.SmtpServer(stopped.getServerSetup(), getManagers());
                    fresh.startService();
                    try {
                        if (!fresh.waitTillRunning(STARTUP_TIMEOUT_MS)) {
                            throw new IllegalStateException("SMTP did not start on port " + fresh.getPort());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while starting SMTP", e);
                    }
                    entry.setValue(fresh);
                }
            }
        }
    }
}
