package dev.courseline.enquiry.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The website's form stamp: {@code <epoch millis>.<base64url HMAC-SHA256 of the millis>}, signed with the secret the
 * website and this service share, so a script cannot claim its form was rendered long ago.
 */
public final class FormStamps {

    private FormStamps() {
    }

    /** Why the stamp makes the submission suspect, or null when it is fine. */
    static String problem(String stamp, String secret, Instant now, Duration minAge, Duration maxAge) {
        int dot = stamp.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return "FORM_STAMP_INVALID";
        }
        String millis = stamp.substring(0, dot);
        if (!millis.chars().allMatch(Character::isDigit)) {
            return "FORM_STAMP_INVALID";
        }
        byte[] expected = sign(millis, secret).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return "FORM_STAMP_INVALID";
        }
        Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(millis)), now);
        if (minAge != null && !minAge.isZero() && age.compareTo(minAge) < 0) {
            return "TOO_FAST";
        }
        if (maxAge != null && !maxAge.isZero() && age.compareTo(maxAge) > 0) {
            return "FORM_STAMP_EXPIRED";
        }
        return null;
    }

    /** A stamp for a form rendered at {@code renderedAt} (what the website does; here for tests). */
    public static String stamp(Instant renderedAt, String secret) {
        String millis = Long.toString(renderedAt.toEpochMilli());
        return millis + "." + sign(millis, secret);
    }

    static String sign(String millis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(millis.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
