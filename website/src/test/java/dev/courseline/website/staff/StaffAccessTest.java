package dev.courseline.website.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What each role may open in the console; the services check the same roles on every call. */
@SpringBootTest(properties = "website.staff-sign-in.issuer-uri=http://localhost:1")
@AutoConfigureWebTestClient
class StaffAccessTest {

    @Autowired
    WebTestClient web;

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignIn() {
        web.get().uri("/staff/leads/lead-1").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/courseline");
    }

    @Test
    void aSalespersonIsSentToTheLeads() {
        web.mutateWith(mockOidcLogin().idToken(token -> token.claim("roles", List.of("SALES")).claim("team", "emea"))
                .authorities(new SimpleGrantedAuthority("ROLE_SALES")))
                .get().uri("/staff").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/staff/leads");
    }

    @Test
    void aSalespersonMayNotRunTheCatalogueOrEraseData() {
        for (String page : List.of("/staff/catalogue", "/staff/catalogue/courses", "/staff/catalogue/runs/run-1",
                "/staff/privacy", "/staff/system", "/staff/dead-letters")) {
            String html = web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_SALES")))
                    .get().uri(page).exchange()
                    .expectStatus().isForbidden()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(html).as(page).contains("<h1>You are not allowed to open this page</h1>");
        }
    }

    @Test
    void aCatalogueManagerMayNotOpenTheLeadsTheEmailsOrTheQuarantine() {
        for (String page : List.of("/staff/leads", "/staff/emails", "/staff/quarantine", "/staff/system")) {
            web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_CATALOGUE_MANAGER")))
                    .get().uri(page).exchange()
                    .expectStatus().isForbidden();
        }
    }
}
