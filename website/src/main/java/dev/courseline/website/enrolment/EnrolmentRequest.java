package dev.courseline.website.enrolment;

import dev.courseline.website.enquiry.ConsentGiven;

/** The body of {@code POST /api/enrolments}, built from the form exactly as typed: the service judges it. */
record EnrolmentRequest(String runId, Learner learner, String organisation, String purchaseOrder,
        ConsentGiven consent) {

    record Learner(String name, String email) {
    }

    static EnrolmentRequest of(String runId, EnrolmentForm form, String privacyNoticeVersion) {
        return new EnrolmentRequest(runId, new Learner(form.name(), form.email()), form.organisation(),
                form.purchaseOrder(), ConsentGiven.of(form.consent(), form.marketing(), privacyNoticeVersion));
    }
}
