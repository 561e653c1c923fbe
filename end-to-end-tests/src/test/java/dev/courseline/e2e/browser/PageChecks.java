package dev.courseline.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every visited page must pass: no serious or critical axe-core violation, and no sideways scrolling at a
 * phone's 360 px; each page is also saved whole at 1280 px and 360 px wide for people to look at.
 */
final class PageChecks {

    static final int DESKTOP = 1280;
    static final int PHONE = 360;
    /** Chromium refuses captures taller than this; longer pages are cut at it. */
    private static final long MAX_HEIGHT = 16_384;

    private final ChromeDriver driver;
    private final Path directory;
    private final Axe axe;

    PageChecks(ChromeDriver driver, Path directory, boolean javascript) {
        this.driver = driver;
        this.directory = directory;
        this.axe = new Axe(driver, javascript);
    }

    void check(String name) {
        List<String> problems = new ArrayList<>();
        String url = driver.getCurrentUrl();
        capture(name, DESKTOP);
        long[] widths = capture(name, PHONE);
        if (widths[0] > widths[1]) {
            problems.add("At " + PHONE + " px the page scrolls sideways: document.documentElement.scrollWidth is "
                    + widths[0] + ", clientWidth " + widths[1] + " (" + directory.resolve(name + "-" + PHONE + ".png")
                    + ")");
        }
        List<String> violations = axe.seriousViolations();
        if (!violations.isEmpty()) {
            problems.add(violations.size() + " serious or critical axe-core violation(s):\n"
                    + String.join("\n", violations));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "Page '" + name + "' (" + url + ") fails its checks:\n" + String.join("\n", problems));
        }
    }

    Path screenshotAsIs(String name) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        return write(name, shot);
    }

    /** Lays the page out at {@code width} CSS px, saves it whole, and answers its scrollWidth and clientWidth. */
    private long[] capture(String name, int width) {
        try {
            metrics(width, 900);
            Map<String, Object> size = measure();
            long height = Math.min(MAX_HEIGHT, Math.max(1, number(size.get("height"))));
            metrics(width, height);
            // Faster PNG compression: two whole-page captures per page visited add up over the journeys.
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "optimizeForSpeed", true));
            write(name + "-" + width, shot);
            return new long[]{number(size.get("scrollWidth")), number(size.get("clientWidth"))};
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void metrics(int width, long height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Measured through the DevTools protocol, so it works with the page's JavaScript switched off too. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> measure() {
        Map<String, Object> result = driver.executeCdpCommand("Runtime.evaluate", Map.of("returnByValue", true,
                "expression", "({height: Math.ceil(Math.max(document.documentElement.scrollHeight,"
                        + " document.body ? document.body.scrollHeight : 0)),"
                        + " scrollWidth: document.documentElement.scrollWidth,"
                        + " clientWidth: document.documentElement.clientWidth})"));
        return (Map<String, Object>) ((Map<String, Object>) result.get("result")).get("value");
    }

    private Path write(String fileName, Map<String, Object> shot) {
        Path file = directory.resolve(fileName + ".png");
        try {
            Files.createDirectories(directory);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
