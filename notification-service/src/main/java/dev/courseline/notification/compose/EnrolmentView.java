package dev.courseline.notification.compose;

/** What the enrolment emails show a learner about their place on a run. */
public record EnrolmentView(
        String learnerName,
        String enrolmentId,
        String courseTitle,
        String start,
        String end,
        String startUtc,
        String deliveryMode,
        String venue,
        String waitlistPosition,
        String reason,
        String cancelUrl) {
}
