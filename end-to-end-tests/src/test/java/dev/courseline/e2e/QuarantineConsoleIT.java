package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.courseline.e2e.browser.Browser;
import dev.courseline.e2e.browser.WithBrowser;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * A request a bot sent through the public form (it filled the field people never see) reaches no one until a
 * salesperson looks at it in the console's quarantine and releases it; then its lead email goes out, once.
 */
@WithBrowser
@WithLocalStack
@ExtendWith(SharedSystem.class)
class QuarantineConsoleIT {

    private Site site;
    private StaffConsole console;
    private Mailbox mailbox;

    @BeforeEach
    void visit(Browser browser, CourselineSystem system, Mailbox mailbox) {
        this.site = new Site(browser, system);
        this.console = new StaffConsole(site);
        this.mailbox = mailbox;
    }

    @Test
    void aRequestWithTheHiddenFieldFilledWaitsInQuarantineUntilSamReleasesIt() {
        QuoteJourney quote = new QuoteJourney(site, mailbox, "quarantine-");
        quote.openAndFill(quote.email);
        // What a form-filling bot does: every input gets a value, the one hidden from people too.
        site.driver.executeScript("document.getElementById('homepage').value = 'http://spam.example';");
        site.submitFormWith("email", "quarantine-thank-you");
        assertThat(site.path()).as("the sender sees the usual thank-you page").matches("/enquiries/[^/]+");

        site.driver.get(site.url("/staff/quarantine"));
        console.signInAs("sam", "staff-quarantine");
        WebElement held = await().alias("the request from " + quote.organisation + " in quarantine")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .until(() -> site.driver.findElements(By.xpath("//main//article[contains(., '" + quote.organisation
                        + "')]")).stream().findFirst().or(() -> {
                            site.driver.navigate().refresh();
                            return Optional.empty();
                        }), Optional::isPresent)
                .get();
        assertThat(held.getText()).as("why it is held").contains("a field hidden from people was filled in");
        assertThat(quote.leadEmails()).as("no lead email while it is held").isEmpty();

        site.follow(held.findElement(By.xpath(".//button[normalize-space()='Release to sales']")),
                "staff-quarantine-released");
        assertThat(site.driver.findElement(By.cssSelector("main [role='status']")).getText()).contains("Released");
        quote.assertExactlyOneLeadEmail();
    }
}
