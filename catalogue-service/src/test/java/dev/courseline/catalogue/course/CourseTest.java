package dev.courseline.catalogue.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.web.InvalidTransitionException;

class CourseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final CourseContent CONTENT = new CourseContent("PSPO", CourseKind.PUBLIC_COURSE,
            TargetRole.PRODUCT_OWNER, "summary", List.of("outcome"), new Certification("Scrum.org", "PSPO I", true), 2,
            List.of(DeliveryMode.ONLINE), Money.of("1195", "GBP"));

    @Test
    void isPublishedWithdrawnAndPublishedAgain() {
        Course draft = Course.draft("pspo", CONTENT, NOW);
        assertThat(draft.isPublic()).isFalse();
        Course republished = draft.publish(NOW).withdraw(NOW).publish(NOW);
        assertThat(republished.status()).isEqualTo(CourseStatus.PUBLISHED);
        assertThat(republished.version()).isEqualTo(4);
    }

    @Test
    void refusesToPublishTwiceOrToWithdrawWhatIsNotPublished() {
        Course draft = Course.draft("pspo", CONTENT, NOW);
        assertThatThrownBy(() -> draft.withdraw(NOW)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> draft.publish(NOW).publish(NOW)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void anEditKeepsSlugAndStatusAndBumpsTheVersion() {
        Course published = Course.draft("pspo", CONTENT, NOW).publish(NOW);
        Course edited = published.edit(new CourseContent("New title", CONTENT.kind(), CONTENT.role(), "s", List.of(),
                null, 3, CONTENT.deliveryModes(), CONTENT.listPrice()), NOW);
        assertThat(edited.slug()).isEqualTo("pspo");
        assertThat(edited.status()).isEqualTo(CourseStatus.PUBLISHED);
        assertThat(edited.certification()).isNull();
        assertThat(edited.version()).isEqualTo(3);
    }
}
