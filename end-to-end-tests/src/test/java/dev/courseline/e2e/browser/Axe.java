package dev.courseline.e2e.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core (the {@code axe.min.js} on the test classpath) run on the page shown, through the DevTools protocol. With
 * the page's JavaScript switched off, evaluation still works there but timers never fire, so axe's setTimeout is
 * given promise callbacks instead; the result is polled for, so a run that never ends fails the test, not the driver.
 */
final class Axe {

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SOURCE = load();

    /** Timers for a page whose JavaScript is off: the callback runs as a promise reaction, which still runs. */
    private static final String PROMISE_TIMERS = "window.setTimeout = function (callback) {"
            + " var args = Array.prototype.slice.call(arguments, 2);"
            + " Promise.resolve().then(function () { callback.apply(null, args); }); return 0; };"
            + " window.clearTimeout = function () {}; true";
    private static final String START = "window.__courselineAxe = null; axe.run(document, {resultTypes: ['violations']})"
            + ".then(function (results) { window.__courselineAxe = JSON.stringify(results.violations); },"
            + " function (error) { window.__courselineAxe = JSON.stringify({error: String(error)}); }); true";

    private final ChromeDriver driver;
    private final boolean javascript;

    Axe(ChromeDriver driver, boolean javascript) {
        this.driver = driver;
        this.javascript = javascript;
    }

    /** Each serious or critical violation as "rule (impact): help" and the selectors of the nodes it found. */
    List<String> seriousViolations() {
        evaluate(SOURCE);
        if (!javascript) {
            evaluate(PROMISE_TIMERS);
        }
        evaluate(START);
        String answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .alias("axe-core finishing on " + driver.getCurrentUrl())
                .until(() -> evaluate("window.__courselineAxe"), Objects::nonNull);
        JsonNode violations = JSON.readTree(answer);
        if (violations.has("error")) {
            throw new IllegalStateException(
                    "axe-core failed on " + driver.getCurrentUrl() + ": " + violations.get("error"));
        }
        List<String> found = new ArrayList<>();
        for (JsonNode violation : violations) {
            String impact = violation.path("impact").asString("");
            if (!FAILING_IMPACTS.contains(impact)) {
                continue;
            }
            String nodes = StreamSupport.stream(violation.path("nodes").spliterator(), false)
                    .map(node -> "    " + node.path("target").toString() + "  "
                            + firstLine(node.path("failureSummary").asString("")))
                    .collect(Collectors.joining("\n"));
            found.add(
                    "  - " + violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
                            + " <" + violation.path("helpUrl").asString() + ">\n" + nodes);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private String evaluate(String expression) {
        Map<String, Object> answer = driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", expression,
                "returnByValue", true));
        if (answer.get("exceptionDetails") != null) {
            throw new IllegalStateException("axe-core could not run on " + driver.getCurrentUrl() + ": "
                    + answer.get("exceptionDetails"));
        }
        Object value = ((Map<String, Object>) answer.get("result")).get("value");
        return value == null ? null : value.toString();
    }

    private static String firstLine(String summary) {
        String[] lines = summary.split("\n");
        return lines.length > 1 ? lines[0] + " " + lines[1].strip() : summary;
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
