package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An organisation asking for an in-house quote on the website: a mistyped email is refused next to its field with
 * everything else kept, the fixed form lands on the thank-you page with the reply-by deadline, and sales get the lead
 * exactly once. The same journey runs with JavaScript on and off.
 */
final class QuoteJourney {

    private final Site site;
    private final Mailbox mailbox;
    private final String pagePrefix;
    final String organisation;
    final String email;
    private final Map<String, String> typed = new LinkedHashMap<>();

    QuoteJourney(Site site, Mailbox mailbox, String pagePrefix) {
        this(site, mailbox, pagePrefix, "Northwind Logistics " + Site.unique(), "Priya Shah");
    }

    QuoteJourney(Site site, Mailbox mailbox, String pagePrefix, String organisation, String contactName) {
        this.site = site;
        this.mailbox = mailbox;
        this.pagePrefix = pagePrefix;
        this.organisation = organisation;
        this.email = "priya." + Site.unique() + "@northwind.example";
        typed.put("organisationName", organisation);
        typed.put("country", "GB");
        typed.put("contactName", contactName);
        typed.put("jobTitle", "Head of Delivery");
        typed.put("phone", "+44 161 555 0100");
        typed.put("programme", "in-house");
        typed.put("teamSize", "24");
        typed.put("location", "Manchester");
        typed.put("preferredDates", "Two days in late January");
        typed.put("budgetAmount", "12000.00");
        typed.put("budgetCurrency", "GBP");
        typed.put("message", "Mixed team of developers and product people, new to Scrum.");
    }

    /** Opens the quote form from the home page and fills it in, with {@code emailTyped} as the email. */
    void openAndFill(String emailTyped) {
        site.open("/", pagePrefix + "home");
        site.follow(site.linkTo("/in-house"), pagePrefix + "quote-form");
        typed.forEach(site.forms::fill);
        site.forms.fill("email", emailTyped).choose("deliveryMode", "ONSITE").tick("consent");
    }

    /** The whole journey; answers the thank-you page's path. */
    String run() {
        String mistyped = "priya.shah.northwind.example";
        openAndFill(mistyped);
        site.submitFormWith("email", pagePrefix + "quote-form-email-refused");

        assertThat(site.path()).as("the refused form is shown again, not a result page").isEqualTo("/in-house");
        assertEmailRefusedNextToItsField();
        typed.forEach((field, value) -> assertThat(site.forms.value(field)).as("kept in " + field).isEqualTo(value));
        assertThat(site.forms.value("email")).as("the mistyped email is kept to correct").isEqualTo(mistyped);
        assertThat(site.forms.chosen("deliveryMode", "ONSITE")).as("delivery mode kept").isTrue();
        assertThat(site.forms.ticked("consent")).as("consent kept").isTrue();

        site.forms.fill("email", email);
        site.submitFormWith("email", pagePrefix + "quote-thank-you");
        String thankYouPath = site.path();
        String thankYou = site.mainText();

        assertThat(thankYouPath).matches("/enquiries/[^/]+");
        assertExactlyOneLeadEmail();
        assertThat(thankYou)
                .as("the thank-you page names the reply-by deadline (contract: \"We will reply by <respond-by>\")")
                .containsPattern("We will reply by \\S+");
        return thankYouPath;
    }

    private void assertEmailRefusedNextToItsField() {
        WebElement error = site.driver.findElement(By.id("email-error"));
        WebElement field = site.driver.findElement(By.id("email"));
        assertThat(error.getDomAttribute("class")).contains("field-error");
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).as("the email field's error message").isNotBlank();
        assertThat(error.findElement(By.xpath("..")).findElements(By.id("email")))
                .as("the error sits next to the email field, in the same field group").containsExactly(field);
        assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(site.forms.describedBy("email")).contains("email-error");
        List<WebElement> summary = site.driver.findElements(By.cssSelector("div.error-summary[role='alert']"));
        assertThat(summary).as("the error summary on top").hasSize(1);
    }

    /** The lead reaches the routed sales team (GB is in EMEA), and no second copy follows. */
    void assertExactlyOneLeadEmail() {
        await().alias("the lead email to sales about " + organisation).atMost(Duration.ofSeconds(30))
                .until(() -> leadEmails().size(), count -> count >= 1);
        await().alias("no second lead email about " + organisation).during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> leadEmails().size(), count -> count == 1);
    }

    List<Mailbox.Mail> leadEmails() {
        return mailbox.to("sales-emea@", mail -> mail.text().contains(organisation));
    }
}
