package dev.courseline.catalogue.course;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.web.InvalidTransitionException;

/**
 * A course template and its publication lifecycle: DRAFT -> PUBLISHED <-> WITHDRAWN. Every change returns a new
 * value with the next version; the document also holds the course's pending events (see the outbox package).
 */
@Document("courses")
public record Course(
        @Id String slug,
        String title,
        CourseKind kind,
        TargetRole role,
        String summary,
        List<String> outcomes,
        Certification certification,
        int durationDays,
        List<DeliveryMode> deliveryModes,
        Money listPrice,
        CourseStatus status,
        long version,
        Instant updatedAt) {

    public Course publish(Instant now) {
        if (status == CourseStatus.PUBLISHED) {
            throw new InvalidTransitionException("course", slug, status, "publish");
        }
        return withStatus(CourseStatus.PUBLISHED, now);
    }

    public Course withdraw(Instant now) {
        if (status != CourseStatus.PUBLISHED) {
            throw new InvalidTransitionException("course", slug, status, "withdraw");
        }
        return withStatus(CourseStatus.WITHDRAWN, now);
    }

    /** The same course with new content; status and identity are not editable this way. */
    public Course edit(CourseContent content, Instant now) {
        return new Course(slug, content.title(), content.kind(), content.role(), content.summary(), content.outcomes(),
                content.certification(), content.durationDays(), content.deliveryModes(), content.listPrice(), status,
                version + 1, now);
    }

    /** Whether consumers of the catalogue have seen this course: drafts are private to catalogue managers. */
    public boolean isPublic() {
        return status != CourseStatus.DRAFT;
    }

    private Course withStatus(CourseStatus next, Instant now) {
        return new Course(slug, title, kind, role, summary, outcomes, certification, durationDays, deliveryModes,
                listPrice, next, version + 1, now);
    }

    public static Course draft(String slug, CourseContent content, Instant now) {
        return new Course(slug, content.title(), content.kind(), content.role(), content.summary(), content.outcomes(),
                content.certification(), content.durationDays(), content.deliveryModes(), content.listPrice(),
                CourseStatus.DRAFT, 1, now);
    }
}
