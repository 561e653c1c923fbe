package dev.courseline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevelopmentRealmTest {

    @Test
    void givesTheConventionsStaffUsersTheirRolesAndTeamsAsTokenClaims() {
        assertThat(DevelopmentRealm.conventionsUsers()).extracting(DevelopmentRealm.StaffUser::username)
                .contains("cora", "sam", "sofia", "ada");

        assertThat(DevelopmentRealm.load().violations(DevelopmentRealm.conventionsUsers())).isEmpty();
    }

    @Test
    void letsStaffSignInOnTheWebsiteWithTheClientItUsesByDefault() {
        assertThat(DevelopmentRealm.load().websiteClientViolations(ServiceContract.of(IngressRules.WEBSITE))).isEmpty();
    }
}
