package dev.courseline.enquiry.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.courseline.enquiry.intake.EnquiryKind;

class LeadRouterTest {

    private final LeadRouter router = new LeadRouter(new LeadProperties(2, ZoneId.of("Europe/London"),
            Duration.ofMinutes(1), "general", List.of(
                    new LeadProperties.Rule("enterprise", "team size of 50 or more goes to enterprise", null, null,
                            null, 50, null),
                    new LeadProperties.Rule("membership", "membership desk", Set.of(EnquiryKind.MEMBERSHIP), null,
                            null, null, null),
                    new LeadProperties.Rule("psm-specialists", null, null, null, Set.of("psm"), null, null),
                    new LeadProperties.Rule("emea", "organisation country is in region emea", null,
                            Set.of("GB", "DE"), null, null, null))));

    @Test
    void theFirstMatchingRuleWinsAndItsDescriptionIsTheReason() {
        assertThat(router.route(EnquiryKind.QUOTE, "GB", "in-house", 120))
                .isEqualTo(new Routing("enterprise", "team size of 50 or more goes to enterprise"));
        assertThat(router.route(EnquiryKind.QUOTE, "GB", "in-house", 12))
                .isEqualTo(new Routing("emea", "organisation country is in region emea"));
    }

    @Test
    void programmeRulesAndKindRulesApply() {
        assertThat(router.route(EnquiryKind.QUOTE, "GB", "psm", 10).team()).isEqualTo("psm-specialists");
        assertThat(router.route(EnquiryKind.QUOTE, "GB", "psm", 10).reason()).contains("psm-specialists");
        assertThat(router.route(EnquiryKind.MEMBERSHIP, null, null, null).team()).isEqualTo("membership");
    }

    @Test
    void countriesAreMatchedWhateverTheirCaseAndUnmatchedLeadsGoToTheDefaultTeam() {
        assertThat(router.route(EnquiryKind.QUOTE, "de", "in-house", 5).team()).isEqualTo("emea");
        Routing fallback = router.route(EnquiryKind.QUOTE, "BR", "in-house", 5);
        assertThat(fallback.team()).isEqualTo("general");
        assertThat(fallback.reason()).contains("default");
    }
}
