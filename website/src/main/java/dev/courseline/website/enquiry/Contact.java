package dev.courseline.website.enquiry;

/** The contact block of the quote and membership requests. */
record Contact(String name, String email, String phone, String jobTitle) {
}
