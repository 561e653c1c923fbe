package dev.courseline.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through its own chromedriver, with a throw-away profile; never a downloaded
 * browser. Tests reach the page through {@link #driver()} and check each page they visit with {@link #check(String)}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path
            .of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    /** Headless and quiet: without the networking flags Chromium keeps calling hosts this machine cannot reach. */
    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900");

    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final boolean javascript;
    private final PageChecks checks;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, boolean javascript) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.javascript = javascript;
        this.checks = new PageChecks(driver, Screenshots.directory(), javascript);
    }

    /** Why the browser tests cannot run on this machine, if they cannot. */
    public static Optional<String> missing() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                return Optional.of("Browser tests skipped: " + binary + " not installed; .ci/run installs Debian's "
                        + "chromium and chromium-driver (apt-get install chromium chromium-driver)");
            }
        }
        return Optional.empty();
    }

    /** A browser with JavaScript on, or off as a visitor who blocks it would have it. */
    public static Browser start(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("courseline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        // Alerts stay open so a test can see that none was raised, instead of the driver dismissing them.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_WAIT).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(service, driver, profile, javascript);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public boolean javascript() {
        return javascript;
    }

    /** A visitor arriving fresh: no cookies or storage left by an earlier test, one window on a blank page. */
    public void freshContext() {
        String first = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(first)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(first);
        dismissAnyAlert();
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
        // WebDriver's delete only reaches the current page's cookies; this clears every site's.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Opens a page and checks it (accessibility, screenshots at both widths, no sideways scroll). */
    public void open(String url, String name) {
        driver.get(url);
        check(name);
    }

    /** Checks the page now shown; see {@link PageChecks}. */
    public void check(String name) {
        checks.check(name);
    }

    /** Saves the page as it is now under {@code name}, for a failing test's report. */
    public Path screenshot(String name) {
        return checks.screenshotAsIs(name);
    }

    /** Clicks something that loads a new page and waits until that page has loaded. */
    public void clickAndWaitForNewPage(WebElement element) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        element.click();
        waitForNewPage(oldPage);
    }

    public void waitForNewPage(WebElement oldPage) {
        new WebDriverWait(driver, PAGE_WAIT).until(page -> isGone(oldPage));
        new WebDriverWait(driver, PAGE_WAIT).until(page -> "complete".equals(
                ((ChromeDriver) page).executeScript("return document.readyState")));
    }

    /**
     * Whether the page an element belonged to has been replaced. Chromium sometimes answers a question about an
     * element of a page it is just replacing with "does not belong to the document" rather than "stale": both say so.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The visible text of the page's main region. */
    public String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    /** Whether a JavaScript alert, confirm or prompt is open now. */
    public boolean alertIsOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private void dismissAnyAlert() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // nothing open
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temp profile left behind is harmless
        }
    }
}
