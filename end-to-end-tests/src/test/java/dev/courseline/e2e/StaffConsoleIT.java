package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import tools.jackson.databind.JsonNode;

import dev.courseline.e2e.browser.Browser;
import dev.courseline.e2e.browser.WithBrowser;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Staff on the website's console in a real browser, signed in through the local stack's identity provider (its
 * login form, authorization code with PKCE), against the running services: sales work a lead from its email, each
 * salesperson's inbox opens on their own team, what a role may not do is neither shown nor allowed, a catalogue
 * manager schedules a run that the public then sees, an administrator erases a person, and signing out ends it.
 * Every console page visited passes axe-core and is saved at 1280 and 360 px in target/screenshots.
 */
@WithBrowser
@WithLocalStack
@ExtendWith(SharedSystem.class)
class StaffConsoleIT {

    private static final Pattern LEAD_LINK = Pattern.compile("Open the lead:\\s*(\\S+)");
    private static final Pattern ERASED_COUNTS = Pattern.compile("(\\d+) enquiries and (\\d+)\\s+enrolments");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Site site;
    private StaffConsole console;
    private CourselineSystem system;
    private Mailbox mailbox;

    @BeforeEach
    void visit(Browser browser, CourselineSystem system, Mailbox mailbox) {
        this.site = new Site(browser, system);
        this.console = new StaffConsole(site);
        this.system = system;
        this.mailbox = mailbox;
    }

    @Test
    void samOpensTheLeadFromItsEmailSignsInAndMarksItContactedWithANote() {
        QuoteJourney quote = new QuoteJourney(site, mailbox, "staff-lead-");
        quote.openAndFill(quote.email);
        site.submitFormWith("email", "staff-lead-quote-thank-you");
        assertThat(site.path()).matches("/enquiries/[^/]+");
        quote.assertExactlyOneLeadEmail();
        Mailbox.Mail leadEmail = quote.leadEmails().get(0);
        Mailbox.Mail acknowledgement = await().alias("the acknowledgement to " + quote.email)
                .atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(quote.email, mail -> true), mails -> mails.size() == 1).get(0);
        String link = leadLinkIn(leadEmail);
        assertThat(link).as("the lead email links to the console's page of the lead")
                .startsWith(site.url("/staff/leads/"));
        String leadId = link.substring(site.url("/staff/leads/").length());

        site.browser.freshContext();
        site.driver.get(link);
        console.signInAs("sam", "staff-lead-page");

        assertThat(site.path()).as("after signing in, sam lands on the lead the email named")
                .isEqualTo("/staff/leads/" + leadId);
        assertThat(site.heading()).contains("Priya Shah", quote.organisation);
        String note = "Called Priya, workshop in January " + Site.unique();
        site.forms.fill("note", note);
        site.follow(button("Mark contacted"), "staff-lead-contacted");

        assertThat(site.path()).isEqualTo("/staff/leads/" + leadId);
        assertThat(site.driver.findElement(By.cssSelector("main [role='status']")).getText())
                .contains("Status changed");
        assertThat(site.driver.findElement(By.cssSelector("main p.lead")).getText()).contains("status CONTACTED");
        List<String> history = site.driver.findElements(By.cssSelector("ol.history li")).stream()
                .map(WebElement::getText).toList();
        assertThat(history).as("the lead's history").anySatisfy(change -> assertThat(change)
                .contains("sam", "NEW → CONTACTED", note));
        assertThat(console.section("emails")).as("the emails about the lead, from the delivery log")
                .contains(leadEmail.subject(), acknowledgement.subject());
    }

    @Test
    void aChangeToALeadSomeoneElseChangedMeanwhileIsNotMadeAndThePageShowsTheirChange() {
        String organisation = "Crossed Wires " + Site.unique();
        requestQuote(organisation, "GB", "GBP");
        awaitLeadsInTheInboxApi(organisation, 1);
        String adaToken = LocalStack.current().tokenFor("ada");
        String leadId = Http.json(send(HttpRequest.newBuilder(URI.create(system.url("enquiry",
                "/api/leads?team=all&q=" + organisation.replace(" ", "+"))))
                .header("Authorization", "Bearer " + adaToken)
                .GET().build()).body()).path("items").get(0).path("leadId").asString();

        site.driver.get(site.url("/staff/leads/" + leadId));
        console.signInAs("sam", "staff-lead-before-ada");
        HttpResponse<String> ada = send(HttpRequest.newBuilder(URI.create(system.url("enquiry",
                "/api/leads/" + leadId + "/status"))).header("Authorization", "Bearer " + adaToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"LOST\",\"note\":\"ada: went elsewhere\"}"))
                .build());
        assertThat(ada.statusCode()).as("ada's change through the API: " + ada.body()).isEqualTo(200);

        site.forms.fill("note", "sam: called them");
        site.follow(button("Mark contacted"), "staff-lead-changed-meanwhile");
        assertThat(site.driver.findElement(By.cssSelector("main [role='alert']")).getText())
                .contains("Someone else changed this lead");
        assertThat(site.driver.findElement(By.cssSelector("main p.lead")).getText()).contains("status LOST");
        assertThat(console.section("history")).contains("ada", "NEW → LOST").doesNotContain("sam: called them");
    }

    @Test
    void eachSalespersonsInboxOpensOnTheirOwnTeamAndFindsAnyTeamsLeadOnRequest() {
        String batch = "Inbox " + Site.unique();
        String london = batch + " London Ltd";
        String boston = batch + " Boston Inc";
        requestQuote(london, "GB", "GBP");
        requestQuote(boston, "US", "USD");
        awaitLeadsInTheInboxApi(batch, 2);

        assertThat(console.signInAtTheConsole("sam", "staff-inbox-sam")).isEqualTo("/staff/leads");
        assertThat(site.forms.value("team")).as("sam's inbox opens on his team").isEqualTo("emea");
        assertThat(site.mainText()).contains("for team emea");
        assertThat(console.leadRows()).as("sam's default inbox")
                .allSatisfy(row -> assertThat(row.team()).isEqualTo("emea"));

        // The inbox is paged soonest reply first, so leads made a moment ago come after every older one of the
        // shared system: they are looked for through the search, with the team field as the filter under test.
        site.forms.fill("q", batch);
        site.submitFormWith("q", "staff-inbox-sam-search-own-team");
        assertThat(console.leadRows()).extracting(StaffConsole.LeadRow::who)
                .as("sam's own team (emea) only").anyMatch(who -> who.contains(london))
                .noneMatch(who -> who.contains(boston));

        site.driver.findElement(By.id("team")).clear();
        site.submitFormWith("q", "staff-inbox-sam-all-teams");
        assertThat(site.forms.value("team")).as("all teams asked for").isEmpty();
        assertThat(console.leadRows()).extracting(StaffConsole.LeadRow::who).as("all teams, with the empty team field")
                .anyMatch(who -> who.contains(london)).anyMatch(who -> who.contains(boston));
        assertThat(console.leadRowOf(boston).orElseThrow().team()).isEqualTo("americas");

        site.forms.fill("q", london);
        site.submitFormWith("q", "staff-inbox-sam-organisation-search");
        assertThat(console.leadRows()).extracting(StaffConsole.LeadRow::who).hasSize(1)
                .allMatch(who -> who.contains(london));

        site.browser.freshContext();
        assertThat(console.signInAtTheConsole("sofia", "staff-inbox-sofia")).isEqualTo("/staff/leads");
        assertThat(site.forms.value("team")).as("sofia's inbox opens on her team").isEqualTo("americas");
        assertThat(console.leadRows()).as("sofia's default inbox")
                .allSatisfy(row -> assertThat(row.team()).isEqualTo("americas"));
        site.forms.fill("q", batch);
        site.submitFormWith("q", "staff-inbox-sofia-search-own-team");
        assertThat(console.leadRows()).extracting(StaffConsole.LeadRow::who)
                .as("sofia's own team (americas) only").anyMatch(who -> who.contains(boston))
                .noneMatch(who -> who.contains(london));
    }

    @Test
    void aSalespersonIsNeitherShownNorAllowedTheCatalogueOrPrivacy() {
        console.signInAtTheConsole("sam", "staff-roles-sam-inbox");
        assertThat(console.navigation()).contains("Leads", "Emails").doesNotContain("Catalogue", "Privacy");

        site.open("/staff/catalogue", "staff-roles-sam-catalogue-refused");
        assertThat(site.driver.findElements(By.tagName("h1"))).as("one heading on the refusal page").hasSize(1);
        assertThat(site.mainText()).as("the refusal says why").contains("role");
        HttpResponse<String> answer = site.fetch(site.url("/staff/catalogue"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("<h1").doesNotContain("\"status\"");

        site.open("/staff/privacy", "staff-roles-sam-privacy-refused");
        assertThat(site.fetch(site.url("/staff/privacy")).statusCode()).isEqualTo(403);

        // The service behind the page refuses sam too: the page is not the only check.
        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(system.url("catalogue", "/api/admin/runs")))
                .header("Authorization", "Bearer " + LocalStack.current().tokenFor("sam"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(api.statusCode()).as("POST /api/admin/runs as sam: " + api.body()).isEqualTo(403);

        // Checked last, so that the refusal itself is known either way: sam sent no form, so the page must not say so.
        site.driver.get(site.url("/staff/catalogue"));
        assertThat(site.heading()).as("the heading of the page refusing sam the catalogue")
                .doesNotContainIgnoringCase("form");
    }

    @Test
    void coraSchedulesARunThatThePublicCoursePageThenShows() {
        assertThat(console.signInAtTheConsole("cora", "staff-catalogue")).as("cora's console opens on the catalogue")
                .isEqualTo("/staff/catalogue");
        assertThat(console.navigation()).contains("Catalogue").doesNotContain("Leads", "Privacy");
        LocalDate firstDay = LocalDate.now().plusDays(21 + ThreadLocalRandom.current().nextInt(7));
        String amount = (1000 + ThreadLocalRandom.current().nextInt(9000)) + ".00";

        fillNewRun("psm", firstDay, firstDay.plusDays(1), amount);
        site.submitFormWith("startDate", "staff-catalogue-scheduled");
        assertThat(site.path()).isEqualTo("/staff/catalogue");
        assertThat(site.driver.findElement(By.cssSelector("main [role='status']")).getText())
                .contains("The run is scheduled and open for enrolment");
        String runId = scheduledRun(firstDay, amount);
        boolean listedAtOnce = site.driver.findElements(By.id("run-" + runId)).size() == 1;

        fillNewRun("psm", firstDay, firstDay.minusDays(1), amount);
        site.submitFormWith("startDate", "staff-catalogue-end-before-start");
        assertThat(console.errorNextTo("endDate")).as("the catalogue's message next to the end date")
                .contains("must be after start");
        assertThat(site.driver.findElements(By.cssSelector("div.error-summary[role='alert']"))).hasSize(1);

        // The website keeps the catalogue's public answers for their max-age (60 s), and serves them a while longer
        // as it fetches the next, so the course page can show the new run up to a minute later, as a visitor would.
        site.driver.get(site.url("/courses/psm"));
        WebElement run = await().alias("the new run on the public PSM page").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).pollInSameThread()
                .until(() -> {
                    Optional<WebElement> article = site.runArticle(runId);
                    if (article.isEmpty()) {
                        site.driver.navigate().refresh();
                    }
                    return article;
                }, Optional::isPresent).get();
        assertThat(run.getText()).contains("8 seats left",
                NumberFormat.getCurrencyInstance(Locale.UK).format(new BigDecimal(amount)));
        site.browser.check("staff-catalogue-run-on-course-psm");

        // Checked last, so that what the public sees is known either way.
        assertThat(listedAtOnce).as("the run cora just scheduled (" + runId + ") is listed on the catalogue page she is"
                + " sent back to, with the version its forms must carry").isTrue();
    }

    @Test
    void adaSendsAgainAnEmailTheMailServerRefusedOnceItTakesMailForThatAddressAgain() {
        String person = "bounce." + Site.unique() + "@refusing.example";
        LocalStack.current().refuseMailTo(person, 550);
        requestQuote("Bounce Ltd " + Site.unique(), "GB", "GBP", person);
        String adaToken = LocalStack.current().tokenFor("ada");
        URI failedForPerson = URI.create(system.url("notification", "/api/notifications?status=FAILED&size=100"));
        await().alias("the acknowledgement to " + person + " FAILED in the delivery log").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(HttpRequest.newBuilder(failedForPerson).header("Authorization", "Bearer " + adaToken)
                        .GET().build()).body(), body -> body.contains(person));

        site.driver.get(site.url("/staff/emails?status=FAILED"));
        console.signInAs("ada", "staff-emails-failed");
        WebElement row = site.driver.findElement(By.xpath("//main//tr[td[normalize-space()='" + person + "']]"));
        assertThat(row.getText()).as("the failed email's row shows its state and the server's reply")
                .contains("FAILED", "550");

        LocalStack.current().acceptMailTo(person);
        site.follow(row.findElement(By.xpath(".//button[normalize-space()='Send again']")), "staff-emails-retried");
        assertThat(site.driver.findElement(By.cssSelector("main [role='status']")).getText())
                .contains("queued to be sent again");
        await().alias("the acknowledgement delivered to " + person + " after the retry").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mailbox.to(person, mail -> true), mails -> mails.size() == 1);
    }

    @Test
    void adaErasesAPersonOnlyOnceSheConfirmsIt() {
        String person = "erin." + Site.unique() + "@erasable.example";
        requestQuote("Erasable Ltd " + Site.unique(), "GB", "GBP", person);
        Learners.enrol(system, CatalogueAdmin.asCora(system).scheduleOnlineRun("pspo", 5, LocalDate.now().plusDays(30)),
                "Erin Walsh", person);

        site.driver.get(site.url("/staff/privacy"));
        console.signInAs("ada", "staff-privacy");
        assertThat(site.path()).isEqualTo("/staff/privacy");
        assertThat(console.navigation()).contains("Leads", "Emails", "Catalogue", "Privacy");

        site.forms.fill("email", person);
        site.submitFormWith("email", "staff-privacy-not-confirmed");
        assertThat(console.errorNextTo("confirm")).as("the page asks to tick the box").contains("tick the box");
        assertThat(site.forms.value("email")).as("the email kept").isEqualTo(person);

        site.forms.tick("confirm");
        site.submitFormWith("email", "staff-privacy-erased");
        assertThat(site.heading()).isEqualTo("Erased");
        Matcher counts = ERASED_COUNTS.matcher(site.mainText());
        assertThat(counts.find()).as("counts on the erased page:\n" + site.mainText()).isTrue();
        assertThat(Integer.parseInt(counts.group(1))).as("enquiries anonymised").isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(counts.group(2))).as("enrolments anonymised").isGreaterThanOrEqualTo(1);

        site.open("/staff/leads?team=&q=" + person, "staff-privacy-erased-person-not-found");
        assertThat(console.leadRows()).as("no lead shows the erased person's email any more").isEmpty();
    }

    @Test
    void signingOutEndsTheSessionSoTheConsoleAsksForTheLoginAgain() {
        assertThat(console.signInAtTheConsole("sam", "staff-sign-out-inbox")).isEqualTo("/staff/leads");
        String signedInCookies = cookies();

        List<String> refused = console.signOut("staff-signed-out");
        String afterSignOut = site.driver.getCurrentUrl();

        site.driver.get(site.url("/staff/leads"));
        assertThat(console.onTheLoginPage())
                .as("after Sign out, opening the inbox asks for the login again; instead the"
                        + " browser is at " + site.driver.getCurrentUrl() + ". Sign out had left it at " + afterSignOut
                        + ", Content-Security-Policy violations: " + refused)
                .isTrue();
        site.browser.screenshot("staff-signed-out-idp-login");
        assertThat(afterSignOut).as("Sign out ends on the website's home page").isEqualTo(site.url("/"));
        HttpResponse<String> replayed = send(HttpRequest.newBuilder(URI.create(site.url("/staff/leads")))
                .header("Cookie", signedInCookies).GET().build());
        assertThat(replayed.statusCode()).as("the old session cookie no longer opens the inbox").isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/oauth2/authorization/"));
    }

    private WebElement button(String text) {
        return site.driver.findElement(By.xpath("//main//button[normalize-space()='" + text + "']"));
    }

    private void fillNewRun(String course, LocalDate firstDay, LocalDate lastDay, String amount) {
        site.forms.fill("courseSlug", course);
        console.pickDate("startDate", firstDay);
        console.pickDate("endDate", lastDay);
        site.forms.choose("deliveryMode", "ONLINE")
                .fill("minCapacity", "2").fill("maxCapacity", "8")
                .fill("priceAmount", amount).fill("priceCurrency", "GBP");
    }

    /** The id of the run just scheduled, as the public catalogue API lists it (found by its day and price). */
    private String scheduledRun(LocalDate firstDay, String amount) {
        JsonNode runs = Http.get(system.url("catalogue", "/api/runs?course=psm&from=" + firstDay + "&size=50")).body();
        List<JsonNode> matching = StreamSupport.stream(runs.path("items").spliterator(), false)
                .filter(run -> run.path("start").asString().startsWith(firstDay.toString()))
                .filter(run -> run.path("maxCapacity").asInt() == 8 && run.path("minCapacity").asInt() == 2)
                .filter(run -> new BigDecimal(run.path("price").path("amount").asString("0"))
                        .compareTo(new BigDecimal(amount)) == 0)
                .filter(run -> "SCHEDULED".equals(run.path("status").asString()))
                .toList();
        assertThat(matching).as("the scheduled run in the catalogue API: " + runs).hasSize(1);
        return matching.get(0).path("id").asString();
    }

    private void requestQuote(String organisation, String country, String currency) {
        requestQuote(organisation, country, currency,
                "casey." + Site.unique() + "@" + country.toLowerCase() + ".example");
    }

    /** An in-house quote sent the way an integrating partner's script would, through the public API. */
    private void requestQuote(String organisation, String country, String currency, String email) {
        Map<String, Object> quote = Map.of(
                "organisation", Map.of("name", organisation, "country", country),
                "contact", Map.of("name", "Casey Morgan", "email", email),
                "programme", "in-house",
                "teamSize", 12,
                "deliveryMode", "ONLINE",
                "budget", Map.of("amount", "9000.00", "currency", currency),
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        String idempotencyKey = UUID.randomUUID().toString();
        // Until the catalogue's programmes reach the enquiry side through Kafka the programme is unknown there;
        // one Idempotency-Key makes the retries one enquiry.
        await().alias("the quote from " + organisation + " accepted").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(system.url("enquiry", "/api/enquiries/in-house-quotes"), quote, idempotencyKey),
                        response -> response.status() == 202);
    }

    /**
     * Waits until the enquiry service's inbox API lists {@code count} leads matching {@code text} in every team, so
     * the pages are then read once, as a salesperson would, and what they show is the website's doing.
     */
    private void awaitLeadsInTheInboxApi(String text, int count) {
        String token = LocalStack.current().tokenFor("sam");
        URI leads = URI.create(system.url("enquiry", "/api/leads?team=all&q=" + text.replace(" ", "+")));
        await().alias(count + " leads matching '" + text + "' in GET /api/leads?team=all")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(
                        HttpRequest.newBuilder(leads).header("Authorization", "Bearer " + token).GET().build()),
                        answer -> answer.statusCode() == 200
                                && Http.json(answer.body()).path("total").asLong() == count);
    }

    private static String leadLinkIn(Mailbox.Mail mail) {
        Matcher matcher = LEAD_LINK.matcher(mail.text());
        assertThat(matcher.find()).as("an \"Open the lead\" link in the lead email:\n" + mail.text()).isTrue();
        assertThat(mail.html()).as("the same link in the email's HTML").contains("href=\"" + matcher.group(1) + "\"");
        return matcher.group(1);
    }

    private String cookies() {
        return site.driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
