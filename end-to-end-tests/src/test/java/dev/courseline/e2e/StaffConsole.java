package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.courseline.localstack.LocalStack;

/**
 * The staff console under {@code /staff} as its users walk it: signing in on the identity provider's login page,
 * the console's navigation, and what the leads inbox and a lead's page show.
 */
final class StaffConsole {

    static final String PASSWORD = "courseline";

    private final Site site;

    StaffConsole(Site site) {
        this.site = site;
    }

    static String issuer() {
        return LocalStack.current().issuerUri().replaceAll("/+$", "");
    }

    /** Whether the browser shows the identity provider's login form, where an unsigned visitor is sent. */
    boolean onTheLoginPage() {
        String url = site.driver.getCurrentUrl();
        return url.startsWith(issuer() + "/login") && !site.driver.findElements(By.id("password")).isEmpty();
    }

    /**
     * Signs in on the login page the browser shows now, and waits for the page the provider sends them back to.
     * The provider's page is not the console's, so it is saved for people to look at but not held to the checks.
     */
    void signInAs(String username, String name) {
        assertThat(onTheLoginPage()).as("the identity provider's login page, not " + site.driver.getCurrentUrl())
                .isTrue();
        site.browser.screenshot(name + "-idp-login");
        site.forms.fill("username", username).fill("password", PASSWORD);
        WebElement loginPage = site.driver.findElement(By.tagName("html"));
        site.driver.findElement(By.cssSelector("form button[type='submit']")).click();
        awaitPageAfter(loginPage, Duration.ofSeconds(30));
        assertThat(URI.create(site.driver.getCurrentUrl()).getAuthority())
                .as("back on the website after signing in, at " + site.driver.getCurrentUrl())
                .isEqualTo(URI.create(site.url("/")).getAuthority());
        site.browser.check(name);
    }

    /** Opens {@code /staff}, signs in, and answers where the console sent them. */
    String signInAtTheConsole(String username, String name) {
        site.driver.get(site.url("/staff"));
        signInAs(username, name);
        return site.path();
    }

    /** The texts of the console's navigation links. */
    List<String> navigation() {
        return site.driver.findElements(By.cssSelector("header nav a")).stream().map(WebElement::getText).toList();
    }

    /**
     * Presses "Sign out" and waits for the page it leads to, which is checked. Answers the Content-Security-Policy
     * violations met on the way, so that when the browser refuses to follow the sign-out the test can say why.
     */
    List<String> signOut(String name) {
        site.driver.executeScript("window.__cspViolations = []; document.addEventListener('securitypolicyviolation',"
                + " function (e) { window.__cspViolations.push(e.violatedDirective + ' refused ' + e.blockedURI); });");
        WebElement page = site.driver.findElement(By.tagName("html"));
        site.driver.findElement(By.xpath("//header//form//button[normalize-space()='Sign out']")).click();
        try {
            awaitPageAfter(page, Duration.ofSeconds(10));
        } catch (TimeoutException stayed) {
            site.browser.screenshot(name + "-stayed");
            @SuppressWarnings("unchecked")
            List<String> violations = (List<String>) site.driver.executeScript("return window.__cspViolations");
            return violations;
        }
        site.browser.check(name);
        return List.of();
    }

    /**
     * Waits until {@code oldPage} is gone and the page that replaced it has loaded. Signing in and out hops through
     * several redirects, while which Chromium may answer about the old page with an inspector error instead of
     * "stale"; that is waited out too.
     */
    private void awaitPageAfter(WebElement oldPage, Duration atMost) {
        new WebDriverWait(site.driver, atMost).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(oldPage));
        new WebDriverWait(site.driver, atMost).ignoring(WebDriverException.class)
                .until(driver -> "complete".equals(site.driver.executeScript("return document.readyState")));
    }

    /** The inbox rows shown now: the lead's id, who (contact and organisation) and its team. */
    List<LeadRow> leadRows() {
        return site.driver.findElements(By.cssSelector("table.leads tbody tr")).stream()
                .filter(row -> !row.findElements(By.cssSelector("a[href^='/staff/leads/']")).isEmpty())
                .map(row -> {
                    WebElement link = row.findElement(By.cssSelector("a[href^='/staff/leads/']"));
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    String team = cells.get(3).findElement(By.tagName("span")).getText();
                    String href = link.getDomAttribute("href");
                    return new LeadRow(href.substring("/staff/leads/".length()), link.getText(), team);
                }).toList();
    }

    Optional<LeadRow> leadRowOf(String organisation) {
        return leadRows().stream().filter(row -> row.who().contains(organisation)).findFirst();
    }

    record LeadRow(String leadId, String who, String team) {
    }

    /** The text of the page section headed by the element with id {@code headingId}. */
    String section(String headingId) {
        return site.driver.findElement(By.cssSelector("section[aria-labelledby='" + headingId + "']")).getText();
    }

    /**
     * Picks a day in a date field. Typing into Chromium's date field depends on the browser's locale (its order of
     * day, month and year), so the day is set as the field's value, as picking it in the calendar does.
     */
    void pickDate(String id, LocalDate day) {
        WebElement field = site.driver.findElement(By.id(id));
        site.driver.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, day.toString());
        assertThat(field.getDomProperty("value")).as(id).isEqualTo(day.toString());
    }

    /** The field error shown next to {@code field}: in the same field group, as the contract's public forms do it. */
    String errorNextTo(String field) {
        WebElement error = site.driver.findElement(By.id(field + "-error"));
        assertThat(error.getDomAttribute("class")).contains("field-error");
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.findElement(By.xpath("..")).findElements(By.id(field)))
                .as("the error sits next to the " + field + " field, in the same field group").hasSize(1);
        return error.getText();
    }
}
