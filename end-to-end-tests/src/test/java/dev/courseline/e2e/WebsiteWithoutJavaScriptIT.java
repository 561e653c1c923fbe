package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import dev.courseline.e2e.browser.Browser;
import dev.courseline.e2e.browser.WithBrowser;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The website for a visitor whose browser runs no JavaScript (site.js is an enhancement only): the quote journey and
 * the home page's role-fit question work all the same. Every page visited is checked and saved as in
 * {@link WebsiteJourneysIT}.
 */
@WithBrowser(javascript = false)
@WithLocalStack
@ExtendWith(SharedSystem.class)
class WebsiteWithoutJavaScriptIT {

    private Site site;
    private Mailbox mailbox;

    @BeforeEach
    void visit(Browser browser, CourselineSystem system, Mailbox mailbox) {
        assertThat(browser.javascript()).isFalse();
        this.site = new Site(browser, system);
        this.mailbox = mailbox;
    }

    @Test
    void anOrganisationGetsItsQuoteRequestThroughWithoutJavaScript() {
        new QuoteJourney(site, mailbox, "nojs-").run();
    }

    @Test
    void theRoleFitQuestionAnswersWithoutJavaScript() {
        site.open("/", "nojs-home");

        site.forms.choose("shapesDirection", "yes").choose("facilitates", "no").choose("wholeTeam", "no");
        site.submitFormWith("shapesDirection", "nojs-home-role-fit-product-owner");
        assertThat(site.driver.getCurrentUrl()).contains("shapesDirection=yes", "facilitates=no", "wholeTeam=no");
        String productOwner = site.driver.findElement(By.id("recommendation")).getText();
        assertThat(productOwner).containsAnyOf("Product Owner", "PSPO").doesNotContain("PSM");

        site.forms.choose("shapesDirection", "no").choose("facilitates", "yes");
        site.submitFormWith("shapesDirection", "nojs-home-role-fit-scrum-master");
        String scrumMaster = site.driver.findElement(By.id("recommendation")).getText();
        assertThat(scrumMaster).containsAnyOf("Scrum Master", "PSM").doesNotContain("PSPO");
    }
}
