package dev.courseline.website.api;

/** A public form's honeypot value and signed render time, passed to the enquiry service as headers. */
public record FormSignals(String honeypot, String stamp) {

    public static final FormSignals NONE = new FormSignals(null, null);
}
