package dev.courseline.e2e;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/** The emails the system sent, read from the local stack's inbox API as a person would see them there. */
final class Mailbox {

    record Mail(List<String> to, String subject, String text, String html, List<String> attachments) {
    }

    private final String inboxUrl;

    Mailbox(String inboxUrl) {
        this.inboxUrl = inboxUrl;
    }

    List<Mail> to(String recipient, Predicate<Mail> matching) {
        JsonNode messages = Http.get(inboxUrl + "/api/messages").body();
        return StreamSupport.stream(messages.spliterator(), false)
                .map(Mailbox::mail)
                .filter(mail -> mail.to().stream().anyMatch(address -> address.contains(recipient)))
                .filter(matching)
                .toList();
    }

    private static Mail mail(JsonNode message) {
        return new Mail(strings(message.get("to")), message.path("subject").asString(""),
                message.path("text").asString(""), message.path("html").asString(""),
                strings(message.get("attachments")));
    }

    private static List<String> strings(JsonNode array) {
        return array == null
                ? List.of()
                : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
