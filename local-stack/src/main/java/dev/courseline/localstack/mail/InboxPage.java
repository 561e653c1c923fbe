package dev.courseline.localstack.mail;

import static dev.courseline.localstack.support.SmallHttpServer.escapeHtml;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The inbox as HTML. Every value from an email is escaped; an HTML body is shown in a sandboxed frame. */
final class InboxPage {

    private static final int PAGE_SIZE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String STYLE = """
            <style>
              body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
              table { border-collapse: collapse; width: 100%; }
              th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
              pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }
              iframe { width: 100%; height: 30rem; border: 1px solid #ddd; }
              .muted { color: #777; }
            </style>
            """;

    private InboxPage() {
    }

    static String list(List<InboxMessage> messages, MailRetention retention) {
        StringBuilder html = new StringBuilder(page("Courseline inbox", true));
        html.append("<h1>Courseline inbox</h1><p class=\"muted\">")
                .append(messages.size())
                .append(" email(s), newest first")
                .append(messages.size() > PAGE_SIZE ? " (the newest " + PAGE_SIZE + " shown)" : "")
                .append("; this page refreshes every 5 s. JSON: <a href=\"/api/messages\">/api/messages</a></p>");
        if (!retention.keepsAll()) {
            html.append("<p class=\"muted\">This server keeps the newest ")
                    .append(String.format("%,d", retention.keepNewest()))
                    .append(" emails; older ones are dropped.</p>");
        }
        html.append("<table><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr>");
        for (InboxMessage message : messages.subList(0, Math.min(PAGE_SIZE, messages.size()))) {
            html.append("<tr><td>").append(TIME.format(message.receivedAt()))
                    .append("</td><td>").append(escapeHtml(message.from()))
                    .append("</td><td>").append(escapeHtml(String.join(", ", message.to())))
                    .append("</td><td><a href=\"/messages/").append(escapeHtml(message.id())).append("\">")
                    .append(escapeHtml(message.subject().isBlank() ? "(no subject)" : message.subject()))
                    .append("</a></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    static String detail(InboxMessage message) {
        StringBuilder html = new StringBuilder(page(message.subject(), false));
        html.append("<p><a href=\"/\">&larr; inbox</a></p><h1>").append(escapeHtml(message.subject())).append("</h1>");
        html.append("<table>");
        row(html, "From", message.from());
        row(html, "To", String.join(", ", message.to()));
        row(html, "Cc", String.join(", ", message.cc()));
        row(html, "Received", TIME.format(message.receivedAt()));
        row(html, "Message-ID", message.messageId());
        row(html, "Attachments", String.join(", ", message.attachments()));
        html.append("</table>");
        if (message.html() != null) {
            html.append("<h2>HTML</h2><iframe sandbox srcdoc=\"").append(escapeHtml(message.html()))
                    .append("\"></iframe>");
        }
        if (message.text() != null) {
            html.append("<h2>Text</h2><pre>").append(escapeHtml(message.text())).append("</pre>");
        }
        return html.append("</body></html>").toString();
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(name).append("</th><td>").append(escapeHtml(value)).append("</td></tr>");
    }

    private static String page(String title, boolean refresh) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escapeHtml(title) + "</title>"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "") + STYLE + "</head><body>";
    }
}
