package dev.courseline.notification.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import dev.courseline.localstack.LocalStack;

/** What the local mail server received, filtered down to one test's emails. */
public final class Inbox {

    private Inbox() {
    }

    public static List<ReceivedEmail> all() {
        return Arrays.stream(LocalStack.current().greenMail().getReceivedMessages()).map(ReceivedEmail::parse).toList();
    }

    public static List<ReceivedEmail> matching(Predicate<ReceivedEmail> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Waits until exactly {@code count} matching emails have arrived, and returns them. */
    public static List<ReceivedEmail> awaitCount(int count, Predicate<ReceivedEmail> filter) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> matching(filter), found -> found.size() >= count);
    }

    public static ReceivedEmail awaitOne(Predicate<ReceivedEmail> filter) {
        return awaitCount(1, filter).get(0);
    }

    public static Predicate<ReceivedEmail> to(String address) {
        return email -> email.to().stream().anyMatch(to -> to.equalsIgnoreCase(address));
    }

    public static Predicate<ReceivedEmail> textContains(String fragment) {
        return email -> email.text() != null && email.text().contains(fragment);
    }
}
