package dev.courseline.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

/** Which documents a partial index holds, and which queries it may serve: never one it would answer short. */
class PartialFilterTest {

    private static final PartialFilter MARKED = filter(new Document("outbox.unsent", new Document("$exists", true)));
    private static final PartialFilter UNFINISHED = filter(new Document("status",
            new Document("$in", List.of("PENDING", "SENDING"))));
    private static final PartialFilter KEPT_AND_CLOSED = filter(new Document("$and", List.of(
            new Document("anonymised", false), new Document("closedAt", new Document("$exists", true)))));

    @Test
    void admitsTheDocumentsItsFilterMatches() {
        assertThat(MARKED.admits(new Document("outbox", new Document("unsent", "t")))).isTrue();
        assertThat(MARKED.admits(new Document("outbox", new Document("until", 1)))).isFalse();
        assertThat(UNFINISHED.admits(new Document("status", "SENDING"))).isTrue();
        assertThat(UNFINISHED.admits(new Document("status", "SENT"))).isFalse();
        assertThat(KEPT_AND_CLOSED.admits(new Document("anonymised", false).append("closedAt", 5))).isTrue();
        assertThat(KEPT_AND_CLOSED.admits(new Document("anonymised", true).append("closedAt", 5))).isFalse();
    }

    @Test
    void anExistsFilterIsImpliedByExistsAndByAnyConditionThatNeedsAValue() {
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$exists", true)))).isTrue();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", "token"))).isTrue();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$in", List.of("a", "b"))))).isTrue();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$gt", "a")))).isTrue();
        assertThat(MARKED.impliedBy(new Document("$and", List.of(new Document("_id", 1),
                new Document("outbox.unsent", new Document("$exists", true)))))).isTrue();
    }

    @Test
    void anExistsFilterIsNotImpliedByWhatAlsoMatchesAMissingField() {
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$exists", false)))).isFalse();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", null))).isFalse();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$in", List.of("a")))
                .append("other", 1))).isTrue();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$ne", "a")))).isFalse();
        assertThat(MARKED.impliedBy(new Document("outbox.unsent", new Document("$lte", null)))).isFalse();
        assertThat(MARKED.impliedBy(new Document("outbox", new Document("unsent", "a")))).isFalse();
        assertThat(MARKED.impliedBy(new Document("$or", List.of(new Document("outbox.unsent", "a"),
                new Document("x", 1))))).isFalse();
        assertThat(MARKED.impliedBy(new Document())).isFalse();
    }

    @Test
    void aValueFilterIsImpliedOnlyByValuesItLetsIn() {
        assertThat(UNFINISHED.impliedBy(new Document("status", "PENDING"))).isTrue();
        assertThat(UNFINISHED.impliedBy(new Document("status", new Document("$in", List.of("SENDING", "PENDING")))))
                .isTrue();
        assertThat(UNFINISHED.impliedBy(new Document("status", new Document("$in", List.of("PENDING", "SENT")))))
                .isFalse();
        assertThat(UNFINISHED.impliedBy(new Document("status", "SENT"))).isFalse();
        assertThat(UNFINISHED.impliedBy(new Document("status", Pattern.compile("^P")))).isFalse();
        assertThat(UNFINISHED.impliedBy(new Document("status", new Document("$exists", true)))).isFalse();
    }

    @Test
    void aFilterOfSeveralConditionsNeedsEachImplied() {
        assertThat(KEPT_AND_CLOSED.impliedBy(new Document("anonymised", false).append("closedAt",
                new Document("$lt", 10)))).isTrue();
        assertThat(KEPT_AND_CLOSED.impliedBy(new Document("anonymised", false))).isFalse();
        assertThat(KEPT_AND_CLOSED.impliedBy(new Document("anonymised", true).append("closedAt",
                new Document("$lt", 10)))).isFalse();
        assertThat(filter(new Document("$or", List.of(new Document("a", 1)))).impliedBy(new Document("a", 1)))
                .isFalse();
        assertThat(PartialFilter.of(new Document("name", "plain"))).isNull();
    }

    private static PartialFilter filter(Document expression) {
        return PartialFilter.of(new Document("name", "test").append("partialFilterExpression", expression));
    }
}
