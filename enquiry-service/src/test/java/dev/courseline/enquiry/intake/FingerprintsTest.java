package dev.courseline.enquiry.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void emailsDifferingOnlyInCaseAndSpacesAreOnePerson() {
        assertThat(Fingerprints.emailSha256(" Priya.Shah@Example.com "))
                .isEqualTo(Fingerprints.emailSha256("priya.shah@example.com"))
                .hasSize(64);
    }

    @Test
    void organisationNamesAreFoldedForMatching() {
        assertThat(Fingerprints.organisationKey("ACME Ltd.")).isEqualTo(Fingerprints.organisationKey(" acme  ltd"));
        assertThat(Fingerprints.organisationKey("...")).isNull();
    }
}
