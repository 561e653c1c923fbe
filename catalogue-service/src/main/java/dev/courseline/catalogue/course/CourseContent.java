package dev.courseline.catalogue.course;

import java.util.List;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;

/** The editable part of a course, already validated. */
public record CourseContent(String title, CourseKind kind, TargetRole role, String summary, List<String> outcomes,
        Certification certification, int durationDays, List<DeliveryMode> deliveryModes,
        Money listPrice) {
}
