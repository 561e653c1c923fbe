package dev.courseline.enquiry.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.courseline.enquiry.intake.Fingerprints;

/**
 * The secret in a learner's cancellation link: an HMAC of the enrolment id under the service's key. Every later event
 * (promoted, rescheduled, cancelled by the catalogue) can carry the same link again, while the store keeps only a
 * hash of it.
 */
@Component
class CancelTokens {

    private final SecretKeySpec key;

    CancelTokens(EnrolmentProperties properties) {
        this.key = new SecretKeySpec(properties.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String tokenFor(String enrolmentId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] token = mac.doFinal(enrolmentId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    static String hash(String token) {
        return Fingerprints.sha256(token);
    }

    static boolean matches(String token, String expectedHash) {
        if (token == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
