package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

import dev.courseline.e2e.browser.Browser;
import dev.courseline.e2e.browser.WithBrowser;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Learners and organisations on the real website in a real browser (headless Chromium, JavaScript on), against the
 * running services; what they see is read from the pages and their inbox. Every page visited passes axe-core and is
 * saved at 1280 and 360 px in target/screenshots.
 */
@WithBrowser
@WithLocalStack
@ExtendWith(SharedSystem.class)
class WebsiteJourneysIT {

    private Site site;
    private CourselineSystem system;
    private Mailbox mailbox;

    @BeforeEach
    void visit(Browser browser, CourselineSystem system, Mailbox mailbox) {
        this.site = new Site(browser, system);
        this.system = system;
        this.mailbox = mailbox;
    }

    @Test
    void aLearnerEnrolsOnPspoFollowsTheEmailLinkAddsItToTheCalendarAndCancelsFreeingThePlace() {
        String learner = "lena." + Site.unique() + "@learner.example";
        site.open("/", "home");
        site.follow(site.linkTo("/courses/pspo"), "course-pspo");
        Site.RunOnPage run = site.reloadUntil("a PSPO run with seats left", site::firstRunWithSeats);

        site.follow(enrolLinkOf(run.runId()), "enrol-form");
        site.forms.fill("name", "Lena Novak").fill("email", learner).fill("organisation", "Novak Analytics")
                .tick("consent");
        site.submitFormWith("name", "enrolment-confirmed");

        assertThat(site.path()).matches("/enrolments/[^/]+");
        String enrolmentId = site.path().substring("/enrolments/".length());
        assertThat(site.heading()).isEqualTo("Your place is confirmed");

        Mailbox.Mail confirmation = await().alias("the confirmation email").atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(learner, mail -> mail.subject().startsWith("Enrolment confirmed")),
                        mails -> mails.size() == 1)
                .get(0);
        String link = Site.enrolmentLinkIn(confirmation);
        assertThat(link).as("the email links to this website's page of the enrolment")
                .startsWith(site.url("/enrolments/" + enrolmentId + "?token="));

        site.browser.open(link, "my-enrolment");
        assertThat(site.heading()).isEqualTo("Your place is confirmed");
        WebElement calendarLink = site.driver
                .findElement(By.cssSelector("main a[href*='/enrolments/" + enrolmentId + "/calendar.ics']"));
        HttpResponse<String> calendar = site.fetch(calendarLink.getDomProperty("href"));
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(calendar.body()).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT");

        site.follow(site.driver.findElement(By.linkText("Cancel my place")), "cancel-confirm");
        assertThat(site.path()).isEqualTo("/enrolments/" + enrolmentId + "/cancel");
        site.follow(
                site.driver.findElement(
                        By.xpath("//main//button[@type='submit'][normalize-space()='Yes, cancel my place']")),
                "enrolment-cancelled");
        assertThat(site.driver.getCurrentUrl()).endsWith("/enrolments/" + enrolmentId + "?cancelled");
        String cancelledPage = site.mainText();

        site.driver.get(site.url("/courses/pspo"));
        site.reloadUntil("the freed place back on the course page (" + run.seatsLeft() + " seats left, as before)",
                () -> site.runArticle(run.runId()).map(Site::seatsLeft)
                        .filter(seats -> seats.isPresent() && seats.getAsInt() == run.seatsLeft()));
        site.browser.check("course-pspo-after-cancel");
        await().alias("the cancellation email").atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(learner, mail -> mail.subject().startsWith("Enrolment cancelled")),
                        mails -> mails.size() == 1);
        // Checked last so a wording slip does not hide whether the place was really freed.
        assertThat(cancelledPage).as("the page after cancelling (contract: \"Your place is cancelled\")")
                .contains("Your place is cancelled");
    }

    @Test
    void aLearnerWaitlistedOnAFullRunIsPromotedWhenSomeoneCancels() {
        String runId = CatalogueAdmin.asCora(system).scheduleOnlineRun("pspo", 1, LocalDate.now().plusDays(9));
        String occupantEmail = "omar." + Site.unique() + "@learner.example";
        JsonNode occupant = enrolThroughTheApi(runId, occupantEmail);
        assertThat(occupant.path("status").asString()).isEqualTo("CONFIRMED");
        String learner = "wanda." + Site.unique() + "@learner.example";

        site.driver.get(site.url("/courses/pspo"));
        site.reloadUntil("the new run shown full, with a waitlist, on the course page",
                () -> site.runArticle(runId).filter(article -> article.getText().toLowerCase().contains("waitlist")));
        site.browser.check("course-pspo-full-run");
        site.follow(enrolLinkOf(runId), "enrol-waitlist-form");
        site.forms.fill("name", "Wanda Weiss").fill("email", learner).tick("consent");
        site.submitFormWith("name", "enrolment-waitlisted");

        assertThat(site.heading()).isEqualTo("You are on the waitlist, position 1");
        String enrolmentPath = site.path();

        // The occupant cancels through the link in their confirmation email (no HTTP answer carries it).
        Mailbox.Mail confirmation = await().alias("the occupant's confirmation").atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(occupantEmail, mail -> mail.subject().startsWith("Enrolment confirmed")),
                        mails -> mails.size() == 1)
                .get(0);
        Http.Response cancelled = Http
                .post(system.url("enquiry", "/api/enrolments/" + occupant.path("enrolmentId").asString()
                        + "/cancellation?token=" + tokenOf(confirmation.text())), Map.of(), null);
        assertThat(cancelled.status()).as("the occupant cancels: " + cancelled.body()).isEqualTo(200);

        site.reloadUntil("the waitlisted learner promoted on their page",
                () -> Optional.of(site.heading()).filter("Your place is confirmed"::equals));
        assertThat(site.path()).isEqualTo(enrolmentPath);
        site.browser.check("enrolment-promoted");
        await().alias("the promotion email").atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(learner, mail -> mail.subject().startsWith("A seat is yours")),
                        mails -> mails.size() == 1);
    }

    @Test
    void anOrganisationCorrectsAMistypedEmailKeepingEverythingTypedAndSalesGetTheLeadOnce() {
        new QuoteJourney(site, mailbox, "").run();
    }

    @Test
    void aDoubleClickedQuoteFormIsOneEnquiry() {
        QuoteJourney quote = new QuoteJourney(site, mailbox, "double-click-");
        quote.openAndFill(quote.email);

        new Actions(site.driver).doubleClick(site.forms.submitButtonOfFormWith("email")).perform();
        new WebDriverWait(site.driver, Duration.ofSeconds(30)).until(page -> site.path().startsWith("/enquiries/")
                && "complete".equals(site.driver.executeScript("return document.readyState")));
        site.browser.check("double-click-quote-thank-you");

        quote.assertExactlyOneLeadEmail();
    }

    @Test
    void theSameRenderedQuoteFormSentTwiceIsOneEnquiry() {
        QuoteJourney quote = new QuoteJourney(site, mailbox, "resend-");
        quote.openAndFill(quote.email);
        String sameForm = (String) site.driver.executeScript(
                "return new URLSearchParams(new FormData(document.getElementById('email').form)).toString()");
        site.submitFormWith("email", "resend-quote-thank-you");
        String firstAnswer = site.path();

        HttpResponse<String> again = site.postForm(site.url("/in-house"), sameForm);
        assertThat(again.statusCode()).as("the same form sent again: " + again.body()).isEqualTo(303);
        String location = again.headers().firstValue("Location").orElseThrow();
        site.browser.open(location.startsWith("/") ? site.url(location) : location, "resend-quote-thank-you-again");

        assertThat(site.path()).as("sent again, it answers with the first enquiry").isEqualTo(firstAnswer);
        quote.assertExactlyOneLeadEmail();
    }

    @Test
    void aNameWithScriptAndHtmlIsShownAsTextAndNeverRun() {
        String name = "Zoë <script>alert('xss')</script><img src=x onerror=alert(2)><b id=\"xss-injected\">bold</b>";
        String learner = "zoe." + Site.unique() + "@learner.example";

        site.open("/courses/psm", "xss-course-psm");
        Site.RunOnPage run = site.reloadUntil("a PSM run with seats left", site::firstRunWithSeats);
        site.follow(enrolLinkOf(run.runId()), "xss-enrol-form");
        site.forms.fill("name", name).fill("email", "zoe-at-learner.example").tick("consent");
        site.submitFormWith("name", "xss-enrol-form-refused");
        assertNothingInjected(name);
        assertThat(site.forms.value("name")).as("the name kept as typed").isEqualTo(name);

        site.forms.fill("email", learner);
        site.submitFormWith("name", "xss-enrolment-confirmed");
        assertThat(site.heading()).isEqualTo("Your place is confirmed");
        assertNothingInjected(name);

        Mailbox.Mail confirmation = await().alias("the confirmation email").atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(learner, mail -> mail.subject().startsWith("Enrolment confirmed")),
                        mails -> mails.size() == 1)
                .get(0);
        assertThat(confirmation.text()).contains(name);
        assertThat(confirmation.html()).doesNotContain("<b id=\"xss-injected\">", "<script>alert");
        site.browser.open(Site.enrolmentLinkIn(confirmation), "xss-my-enrolment");
        assertNothingInjected(name);

        String organisation = "Acme <b id=\"xss-org\">Holdings</b> " + Site.unique();
        QuoteJourney quote = new QuoteJourney(site, mailbox, "xss-", organisation, name);
        quote.openAndFill("zoe-at-acme.example");
        site.submitFormWith("email", "xss-quote-form-refused");
        assertNothingInjected(name);
        assertThat(site.forms.value("contactName")).isEqualTo(name);
        assertThat(site.forms.value("organisationName")).isEqualTo(organisation);
        site.forms.fill("email", quote.email);
        site.submitFormWith("email", "xss-quote-thank-you");
        assertThat(site.path()).matches("/enquiries/[^/]+");
        assertNothingInjected(name);
        quote.assertExactlyOneLeadEmail();
    }

    /** No alert, none of the name's elements in the page, and wherever the name shows, it shows as the text typed. */
    private void assertNothingInjected(String name) {
        assertThat(site.browser.alertIsOpen()).as("a JavaScript alert is open on " + site.path()).isFalse();
        assertThat(site.driver.findElements(By.cssSelector("#xss-injected, #xss-org, img[src='x']")))
                .as("elements from the typed name in " + site.path()).isEmpty();
        assertThat(site.driver.findElements(By.xpath("//script[contains(., 'xss')]"))).as("script from the typed name")
                .isEmpty();
        String text = site.mainText();
        if (text.contains("Zoë")) {
            assertThat(text).as("the name, where shown, is its literal text").contains(name);
        }
    }

    private WebElement enrolLinkOf(String runId) {
        return site.runArticle(runId).orElseThrow(() -> new AssertionError("run " + runId + " not on " + site.path()))
                .findElement(By.cssSelector("a[href$='/runs/" + runId + "/enrol']"));
    }

    /** Fills a seat the way another learner's script would; retried until the enquiry side has heard of the run. */
    private JsonNode enrolThroughTheApi(String runId, String email) {
        Map<String, Object> enrolment = Map.of(
                "runId", runId,
                "learner", Map.of("name", "Omar Haddad", "email", email),
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        return await().alias("the enquiry service knowing run " + runId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(system.url("enquiry", "/api/enrolments"), enrolment, null),
                        response -> response.status() == 201)
                .body();
    }

    private static String tokenOf(String link) {
        Matcher token = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)").matcher(link);
        assertThat(token.find()).as("a token in " + link).isTrue();
        return token.group(1);
    }
}
