package dev.courseline.website.enquiry;

/** The body of {@code POST /api/enquiries/memberships}, from the form as typed. */
record MembershipRequest(Contact contact, String plan, String message, ConsentGiven consent) {

    static MembershipRequest of(MembershipForm form, String privacyNoticeVersion) {
        return new MembershipRequest(new Contact(form.contactName(), form.email(), form.phone(), form.jobTitle()),
                form.plan(), form.message(), ConsentGiven.of(form.consent(), form.marketing(), privacyNoticeVersion));
    }
}
