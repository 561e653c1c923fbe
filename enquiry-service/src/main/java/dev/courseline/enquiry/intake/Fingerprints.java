package dev.courseline.enquiry.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Keys that recognise the same person or organisation without keeping a second copy of their details. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** SHA-256 (hex) of the lower-cased, trimmed email: the key of {@code person-erased} too. */
    public static String emailSha256(String email) {
        return sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    /** The organisation's name folded so "ACME Ltd", "Acme ltd." and " acme  ltd" are the same organisation. */
    public static String organisationKey(String name) {
        if (name == null) {
            return null;
        }
        String folded = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return folded.isEmpty() ? null : folded;
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
