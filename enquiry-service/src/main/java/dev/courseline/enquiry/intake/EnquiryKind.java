package dev.courseline.enquiry.intake;

public enum EnquiryKind {
    QUOTE, MEMBERSHIP
}
