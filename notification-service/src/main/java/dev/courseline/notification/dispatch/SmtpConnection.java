package dev.courseline.notification.dispatch;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One worker's connection to the mail server, opened on first use and reused for every email that follows, since
 * the handshake costs more than a message. After any failure it is dropped and the next send reconnects. Not final
 * only so that tests can stand in for the mail server.
 */
class SmtpConnection implements AutoCloseable {

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private Transport transport;

    SmtpConnection(Session session, String host, int port, String username, String password) {
        this.session = session;
        this.host = host;
        this.port = port;
        this.username = username == null || username.isBlank() ? null : username;
        this.password = password == null || password.isBlank() ? null : password;
    }

    void send(MimeMessage message) throws MessagingException {
        if (transport == null) {
            Transport fresh = session.getTransport("smtp");
            fresh.connect(host, port, username, password);
            transport = fresh;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    boolean isOpen() {
        return transport != null;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // The connection is being dropped anyway; a failing QUIT changes nothing.
            }
            transport = null;
        }
    }
}
