package dev.courseline.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The website's measurement: the weight of each public page as a first visit transfers it (target under 100 KB, no
 * request to another origin), then the home page and a course page under closed-loop visitors after a warm-up
 * (target p99 under 50 ms), with each process's CPU over each measured phase; then, unless {@code -Dapis=false}, the
 * three API calls a course page makes, asked directly, so that a slow page can be split into its parts.
 */
final class WebsiteBenchmark {

    private static final long WEIGHT_TARGET_BYTES = 100_000;
    private static final double P99_TARGET_MS = 50;
    private static final Pattern ENROL_LINK = Pattern.compile("href=\"(/runs/([^/\"]+)/enrol)\"");
    private static final Pattern RUN_CARD = Pattern.compile("<article class=\"run\\b");

    private WebsiteBenchmark() {
    }

    /** The report's lines, and whether every page kept to its own origin (the one hard assertion of this run). */
    record Outcome(List<String> lines, boolean sameOrigin) {
    }

    static Outcome run(WebsiteSettings settings) throws Exception {
        List<String> lines = new ArrayList<>();
        String coursePath = "/courses/" + settings.course();

        PageWeights weights = new PageWeights(settings.websiteUrl());
        List<PageWeights.Weight> pages = new ArrayList<>();
        for (String path : WebsiteSettings.PUBLIC_PAGES) {
            pages.add(weights.of(path));
        }
        PageWeights.Weight course = pages.stream().filter(page -> page.path().equals(coursePath)).findFirst()
                .orElse(weights.of(coursePath));
        Matcher enrol = ENROL_LINK.matcher(course.html());
        Optional<String> runId = Optional.empty();
        if (enrol.find()) {
            pages.add(weights.of(enrol.group(1)));
            runId = Optional.of(enrol.group(2));
        }
        long runCards = RUN_CARD.matcher(course.html()).results().count();
        lines.addAll(weightReport(pages, weights.resources(), runId.isPresent(), coursePath));

        PageVisits visits = new PageVisits();
        URI home = URI.create(settings.websiteUrl() + "/");
        URI coursePage = URI.create(settings.websiteUrl() + coursePath);
        AtomicLong turn = new AtomicLong();
        List<LatencyRecorder.Phase> phases = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        ProcessCpu processes = new ProcessCpu();
        phases.add(ClosedLoop.run("warm-up: / and " + coursePath + " in turn (discarded)", settings.concurrency(),
                Duration.ZERO, settings.warmUp(),
                () -> visits.get(turn.getAndIncrement() % 2 == 0 ? home : coursePage)));
        phases.add(measured("/", home, settings.duration(), settings, visits, processes, cpu));
        phases.add(measured(coursePath, coursePage, settings.duration(), settings, visits, processes, cpu));
        phases.add(browsing("/", home, settings, visits, processes, cpu));
        phases.add(browsing(coursePath, coursePage, settings, visits, processes, cpu));
        phases.add(single("/", home, settings, visits));
        phases.add(single(coursePath, coursePage, settings, visits));
        if (settings.apis()) {
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            List<String[]> calls = new ArrayList<>();
            calls.add(new String[]{"catalogue GET /api/courses/" + settings.course(),
                    settings.catalogueUrl() + "/api/courses/" + settings.course()});
            calls.add(new String[]{"catalogue GET /api/runs?course=" + settings.course(), settings.catalogueUrl()
                    + "/api/runs?course=" + settings.course() + "&from=" + today + "&size=50"});
            runId.ifPresent(id -> calls.add(new String[]{"enquiry GET /api/runs/{id}/seats",
                    settings.enquiryUrl() + "/api/runs/" + id + "/seats"}));
            for (String[] call : calls) {
                phases.add(measured(call[0], URI.create(call[1]), settings.apiDuration(), settings, visits,
                        processes, cpu));
                phases.add(single(call[0], URI.create(call[1]), settings, visits));
            }
        }

        lines.add("");
        lines.add("## Visitors");
        lines.add("");
        lines.add(String.format("%d visitors at once, closed loop (each asks again as soon as its answer arrived), "
                + "gzip accepted; %s showed %d run(s), each of which costs the page a seats call to the enquiry "
                + "service besides its two catalogue calls (the website keeps their answers for their Cache-Control "
                + "max-age). \"Browsing\" rows: the same visitors, each reading a page for %.1f s on average "
                + "(0.5 to 1.5 times) before opening the next. Single-visitor rows: one visitor, %d s each, after "
                + "the loaded phases.", settings.concurrency(), coursePath, runCards,
                settings.think().toMillis() / 1000.0, settings.single().toSeconds()));
        lines.add("");
        lines.add(LatencyRecorder.Phase.header());
        phases.forEach(phase -> lines.add(phase.row()));
        lines.add("");
        for (LatencyRecorder.Phase phase : phases.subList(1, 5)) {
            lines.add(String.format("- %s: p99 %.1f ms, target under %.0f ms %s; %s.", phase.name(), phase.p99(),
                    P99_TARGET_MS, phase.p99() < P99_TARGET_MS && phase.errors() == 0 ? "met" : "NOT met",
                    phase.errors() == 0 ? "no errors" : phase.errors() + " errors"));
        }
        // Little's law: in a closed loop the mean latency is the visitors over the throughput.
        lines.add(String.format("- With %d visitors in a closed loop the mean latency is %d / throughput, so a p99 "
                + "under %.0f ms needs more than %.0f pages a second whatever the code does per page.",
                settings.concurrency(), settings.concurrency(), P99_TARGET_MS,
                settings.concurrency() / (P99_TARGET_MS / 1000)));
        lines.add("");
        lines.add("CPU over each measured phase (from /proc; the load generator shares the same cores):");
        lines.addAll(cpu);
        return new Outcome(lines, pages.stream().allMatch(page -> page.thirdParty().isEmpty()));
    }

    /** A short settling run (thrown away) after switching address, then the measured phase with its CPU table. */
    private static LatencyRecorder.Phase measured(String name, URI address, Duration duration,
            WebsiteSettings settings, PageVisits visits, ProcessCpu processes, List<String> cpu)
            throws InterruptedException {
        Callable<Boolean> visit = () -> visits.get(address);
        ClosedLoop.run("settling", settings.concurrency(), Duration.ZERO, settings.settle(), visit);
        ProcessCpu.Snapshot before = processes.snapshot();
        LatencyRecorder.Phase phase = ClosedLoop.run(name + ", " + settings.concurrency() + " visitors",
                settings.concurrency(), Duration.ZERO, duration, visit);
        ProcessCpu.Snapshot after = processes.snapshot();
        cpu.add("");
        cpu.add(String.format("%s (%.0f/s):", phase.name(), phase.perSecond()));
        cpu.add("");
        cpu.addAll(ProcessCpu.table(before, after, phase.operations()));
        return phase;
    }

    /** The visitors as people: each reads a page before opening the next; settled first, as the loaded phases. */
    private static LatencyRecorder.Phase browsing(String name, URI address, WebsiteSettings settings,
            PageVisits visits, ProcessCpu processes, List<String> cpu) throws InterruptedException {
        ClosedLoop.run("settling", settings.concurrency(), Duration.ZERO, settings.settle(), () -> visits.get(address));
        ProcessCpu.Snapshot before = processes.snapshot();
        LatencyRecorder.Phase phase = ClosedLoop.run(name + ", " + settings.concurrency() + " visitors browsing",
                settings.concurrency(), Duration.ZERO, settings.duration(), settings.think(),
                () -> visits.get(address));
        ProcessCpu.Snapshot after = processes.snapshot();
        cpu.add("");
        cpu.add(String.format("%s (%.0f/s):", phase.name(), phase.perSecond()));
        cpu.add("");
        cpu.addAll(ProcessCpu.table(before, after, phase.operations()));
        return phase;
    }

    /** One visitor alone: the time of a request with no queue in front of it. */
    private static LatencyRecorder.Phase single(String name, URI address, WebsiteSettings settings, PageVisits visits)
            throws InterruptedException {
        return ClosedLoop.run(name + ", 1 visitor", 1, Duration.ZERO, settings.single(),
                () -> visits.get(address));
    }

    private static List<String> weightReport(List<PageWeights.Weight> pages, List<PageWeights.Resource> resources,
            boolean enrolmentFound, String coursePath) {
        List<String> lines = new ArrayList<>();
        lines.add("## Page weight");
        lines.add("");
        lines.add("A first visit: the HTML and every same-origin sub-resource it makes a browser fetch (stylesheets "
                + "and what they import, scripts, icons, images), in bytes on the wire (body as sent plus response "
                + "headers as HTTP/1.1 text), asking for gzip and without. Target: under 100 KB (100,000 bytes) with "
                + "gzip, no request to another origin.");
        lines.add("");
        lines.add("| page | status | sub-resources | HTML gzip | HTML plain | total gzip | total plain "
                + "| under 100 KB | other origins |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        for (PageWeights.Weight page : pages) {
            boolean met = page.complete() && page.gzipTotal() < WEIGHT_TARGET_BYTES;
            lines.add(String.format("| %s | %d | %d | %,d | %,d | %,d | %,d | %s | %s |", page.path(), page.status(),
                    page.resources().size(), page.htmlGzip(), page.htmlPlain(), page.gzipTotal(), page.plainTotal(),
                    met ? "yes" : "NO", page.thirdParty().isEmpty() ? "none" : page.thirdParty().toString()));
        }
        if (!enrolmentFound) {
            lines.add("");
            lines.add("No enrolment form weighed: " + coursePath + " showed no Enrol link.");
        }
        lines.add("");
        lines.add("| sub-resource | status | type | encoding with gzip asked | gzip | plain | Cache-Control |");
        lines.add("|---|---|---|---|---|---|---|");
        for (PageWeights.Resource resource : resources) {
            lines.add(String.format("| %s | %d | %s | %s | %,d | %,d | %s |", resource.uri().getRawPath(),
                    resource.status(), resource.contentType(),
                    resource.gzipEncoding().isEmpty() ? "none" : resource.gzipEncoding(), resource.gzipBytes(),
                    resource.plainBytes(), resource.cacheControl()));
        }
        boolean allMet = pages.stream().allMatch(page -> page.complete() && page.gzipTotal() < WEIGHT_TARGET_BYTES);
        boolean sameOrigin = pages.stream().allMatch(page -> page.thirdParty().isEmpty());
        lines.add("");
        lines.add("Every page under 100 KB: " + (allMet ? "yes" : "NO") + ". Every referenced URL same-origin: "
                + (sameOrigin ? "yes" : "NO") + ".");
        return lines;
    }
}
