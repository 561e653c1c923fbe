package dev.courseline.website.enrolment;

import dev.courseline.website.api.Enrolment;
import dev.courseline.website.course.RunCard;

/** An enrolment in a learner's words, with its run's dates and place written as on the course page. */
public record EnrolmentView(String headline, String explanation, String dates, String times, String delivery) {

    static EnrolmentView of(Enrolment enrolment) {
        Enrolment.EnrolledRun run = enrolment.run();
        String headline;
        String explanation;
        if (enrolment.isConfirmed()) {
            headline = "Your place is confirmed";
            explanation = "We have emailed you a confirmation with a calendar file and a link to manage your place.";
        } else if (enrolment.isWaitlisted()) {
            headline = "You are on the waitlist, position " + enrolment.waitlistPosition();
            explanation = "This run is full. If a place frees up, it goes to the first person on the waitlist, and "
                    + "we will email you at once if that is you.";
        } else {
            headline = "This place is cancelled";
            explanation = "This enrolment is no longer active; the seat has been released.";
        }
        return new EnrolmentView(headline, explanation, RunCard.dates(run.start(), run.end()),
                RunCard.times(run.start(), run.end(), run.timeZone()),
                RunCard.delivery(run.deliveryMode(), run.venue()));
    }
}
