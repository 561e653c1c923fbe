package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.courseline.e2e.browser.Browser;
import dev.courseline.e2e.browser.Forms;

/** The website as the browser tests walk it: pages opened and followed (each one checked), and what a page shows. */
final class Site {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SEATS_LEFT = Pattern.compile("(\\d+) seats? left");
    private static final Pattern ENROLMENT_LINK = Pattern
            .compile("https?://[^\\s<>\"]+/enrolments/[^\\s<>\"?/]+\\?token=[^\\s<>\"]+");

    final Browser browser;
    final ChromeDriver driver;
    final Forms forms;
    private final CourselineSystem system;

    Site(Browser browser, CourselineSystem system) {
        this.browser = browser;
        this.driver = browser.driver();
        this.forms = new Forms(driver);
        this.system = system;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    String url(String path) {
        return system.url("website", path);
    }

    void open(String path, String name) {
        browser.open(url(path), name);
    }

    /** Follows a link or presses a button that loads a new page, and checks that page. */
    void follow(WebElement linkOrButton, String name) {
        browser.clickAndWaitForNewPage(linkOrButton);
        browser.check(name);
    }

    /** Sends the form that holds the field named {@code field} with its submit button, and checks the answer. */
    void submitFormWith(String field, String name) {
        follow(forms.submitButtonOfFormWith(field), name);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String mainText() {
        return browser.mainText();
    }

    WebElement linkTo(String href) {
        return driver.findElement(By.cssSelector("main a[href='" + href + "']"));
    }

    /** The run's article on the course page now shown, found by its enrol link. */
    Optional<WebElement> runArticle(String runId) {
        return driver.findElements(By.cssSelector("article.run")).stream()
                .filter(article -> !article.findElements(By.cssSelector("a[href$='/runs/" + runId + "/enrol']"))
                        .isEmpty())
                .findFirst();
    }

    /** The first run on the course page shown that has seats left and an enrol link: its id and seats left. */
    Optional<RunOnPage> firstRunWithSeats() {
        for (WebElement article : driver.findElements(By.cssSelector("article.run"))) {
            OptionalInt seats = seatsLeft(article);
            var links = article.findElements(By.cssSelector("a[href*='/runs/'][href$='/enrol']"));
            if (seats.isPresent() && seats.getAsInt() > 0 && !links.isEmpty()) {
                String href = links.get(0).getDomAttribute("href");
                String runId = href.substring(href.indexOf("/runs/") + "/runs/".length(), href.lastIndexOf("/enrol"));
                return Optional.of(new RunOnPage(runId, seats.getAsInt()));
            }
        }
        return Optional.empty();
    }

    record RunOnPage(String runId, int seatsLeft) {
    }

    static OptionalInt seatsLeft(WebElement article) {
        Matcher matcher = SEATS_LEFT.matcher(article.getText());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /**
     * Reloads the page a visitor is looking at until it shows what {@code probe} looks for, as a visitor would press
     * reload: the pages read state that reaches the services a moment later (through Kafka).
     */
    <T> T reloadUntil(String what, Supplier<Optional<T>> probe) {
        return await().alias(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(750))
                .pollInSameThread()
                .until(() -> {
                    Optional<T> found = probe.get();
                    if (found.isEmpty()) {
                        driver.navigate().refresh();
                    }
                    return found;
                }, Optional::isPresent).get();
    }

    /** The website link in an email: {@code <website>/enrolments/{id}?token=…}. */
    static String enrolmentLinkIn(Mailbox.Mail mail) {
        Matcher matcher = ENROLMENT_LINK.matcher(mail.text());
        assertThat(matcher.find()).as("an /enrolments/{id}?token=… link in the email:\n" + mail.text()).isTrue();
        return matcher.group();
    }

    /** A GET with the browser's cookies, as a download of that link would be. */
    HttpResponse<String> fetch(String url) {
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return send(request.build());
    }

    /** Sends a form body with the browser's cookies, as the browser sends the form again; redirects not followed. */
    HttpResponse<String> postForm(String url, String formBody) {
        String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
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
