package dev.courseline.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * The website benchmark's own settings, kept apart from {@link Settings} so that its report names only what it used;
 * every value can be set with {@code -Dname=value}. The defaults are the launcher's ports (./run.sh) and the brief's
 * figure: 50 visitors at once, each asking for the next page as soon as the last one arrived.
 */
record WebsiteSettings(String websiteUrl, String catalogueUrl, String enquiryUrl, String course, int concurrency,
        Duration warmUp, Duration settle, Duration duration, Duration single,
        boolean apis, Duration apiDuration, Duration think) {

    /** The public pages whose weight is measured; the enrolment form of the course's first run is added to them. */
    static final List<String> PUBLIC_PAGES = List.of("/", "/courses/pspo", "/courses/psm", "/in-house", "/membership",
            "/privacy");

    static WebsiteSettings fromSystemProperties() {
        return new WebsiteSettings(
                System.getProperty("website.url", "http://localhost:8080"),
                System.getProperty("catalogue.url", "http://localhost:8081"),
                System.getProperty("enquiry.url", "http://localhost:8082"),
                System.getProperty("course", "pspo"),
                Integer.getInteger("concurrency", 50),
                Duration.parse(System.getProperty("warmup", "PT60S")),
                Duration.parse(System.getProperty("settle", "PT5S")),
                Duration.parse(System.getProperty("duration", "PT60S")),
                Duration.parse(System.getProperty("single", "PT10S")),
                Boolean.parseBoolean(System.getProperty("apis", "true")),
                Duration.parse(System.getProperty("api.duration", "PT20S")),
                Duration.parse(System.getProperty("think", "PT1S")));
    }

    String describe() {
        return String.format("concurrency %d, warm-up %ds (both pages), then per phase %ds settling and %ds measured, "
                + "browsing visitors think %dms on average, single visitor %ds, course %s, API phases %s, "
                + "website %s, catalogue %s, enquiry %s",
                concurrency, warmUp.toSeconds(), settle.toSeconds(), duration.toSeconds(), think.toMillis(),
                single.toSeconds(), course,
                apis ? apiDuration.toSeconds() + "s each" : "off", websiteUrl, catalogueUrl, enquiryUrl);
    }
}
