package dev.courseline.enquiry.intake;

/** The person behind an enquiry. {@code phone} and {@code jobTitle} may be null. */
public record Contact(String name, String email, String phone, String jobTitle) {

    public static Contact erased() {
        return new Contact("(erased)", "erased@invalid", null, null);
    }
}
