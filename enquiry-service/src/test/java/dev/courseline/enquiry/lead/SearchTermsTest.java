package dev.courseline.enquiry.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Organisation;

class SearchTermsTest {

    @Test
    void termsAreTheFoldedWordsOfOrganisationNameAndEmailWithTheWholeEmailAndItsDomain() {
        assertThat(SearchTerms.of(new Organisation("Müller & Søn GmbH", "DE"),
                new Contact("Zoë O'Brien-Okafor", "Zoe.OBrien@Mueller.example", null, null)))
                .containsExactly("muller", "søn", "gmbh", "zoe", "o", "brien", "okafor", "obrien", "mueller", "example",
                        "zoe.obrien@mueller.example", "mueller.example");
    }

    @Test
    void anErasedEnquiryKeepsItsOrganisationsTermsOnlyAndAMissingPartGivesNone() {
        assertThat(SearchTerms.ofOrganisation(new Organisation("Acme Ltd", "GB"))).containsExactly("acme", "ltd");
        assertThat(SearchTerms.ofOrganisation(null)).isEmpty();
        assertThat(SearchTerms.of(null, new Contact("Ada", null, null, null))).containsExactly("ada");
    }

    @Test
    void typedTextIsSplitAndFoldedAlikeAndPunctuationAloneHasNoWords() {
        assertThat(SearchTerms.words("  ÉLISE  okaf.")).containsExactly("elise", "okaf");
        assertThat(SearchTerms.words("(*[ ]")).isEmpty();
    }

    @Test
    void oneOddEnquiryWritesABoundedNumberOfTerms() {
        assertThat(SearchTerms.of(new Organisation("a b c d e f g h i j k l m n o p q r s t u v w x y z "
                + "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp", "GB"), null)).hasSize(40);
    }
}
