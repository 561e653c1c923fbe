package dev.courseline.localstack.mail;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.localstack.support.SmallHttpServer;

/** The page a person reads sent emails on: {@code /}, {@code /messages/<id>} and {@code /api/messages} (JSON). */
public final class MailInbox implements AutoCloseable {

    private final InboxMessages messages;
    private final MailRetention retention;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SmallHttpServer server;

    public MailInbox(int port, InboxMessages messages, MailRetention retention) {
        this.messages = messages;
        this.retention = retention;
        this.server = new SmallHttpServer(port, "mail-inbox")
                .route("/api/messages", this::api)
                .route("/messages/", this::detail)
                .route("/", this::list);
    }

    public MailInbox start() {
        server.start();
        return this;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private void api(HttpExchange exchange) throws IOException {
        SmallHttpServer.send(exchange, 200, "application/json", json.writeValueAsString(messages.all()));
    }

    private void list(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            SmallHttpServer.send(exchange, 404, "text/plain; charset=utf-8", "not found");
            return;
        }
        SmallHttpServer.send(exchange, 200, "text/html; charset=utf-8", InboxPage.list(messages.all(), retention));
    }

    private void detail(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/messages/".length());
        var message = messages.byId(id);
        if (message.isEmpty()) {
            SmallHttpServer.send(exchange, 404, "text/plain; charset=utf-8", "no email " + id);
            return;
        }
        SmallHttpServer.send(exchange, 200, "text/html; charset=utf-8", InboxPage.detail(message.get()));
    }
}
