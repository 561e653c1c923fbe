package dev.courseline.website.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/** The public catalogue: courses, their runs and the role-fit guide. */
public class CatalogueApi {

    private static final String SERVICE = "catalogue";
    /** A course page lists at most this many upcoming runs; the catalogue's page limit. */
    private static final int RUNS_SHOWN = 50;

    private final WebClient client;
    private final SharedCache cache;

    public CatalogueApi(WebClient client, SharedCache cache) {
        this.client = client;
        this.cache = cache;
    }

    public Mono<Course> course(String slug) {
        return get(path("/api/courses/{slug}").buildAndExpand(slug), Course.class);
    }

    /** Runs of a course starting from {@code today} on, soonest first, cancelled ones included. */
    public Mono<List<Run>> upcomingRuns(String courseSlug, LocalDate today) {
        return get(path("/api/runs").queryParam("course", "{course}").queryParam("from", today)
                .queryParam("size", RUNS_SHOWN).buildAndExpand(courseSlug), RunPage.class).map(RunPage::items);
    }

    /** Every public run starting from {@code today} on, of any course, soonest first. */
    public Mono<List<Run>> upcomingRuns(LocalDate today) {
        return get(path("/api/runs").queryParam("from", today).queryParam("size", RUNS_SHOWN).build(),
                RunPage.class).map(RunPage::items);
    }

    /** The same, asked of the catalogue now: the staff console shows what it has just changed, with its version. */
    public Mono<List<Run>> upcomingRunsNow(LocalDate today) {
        String relative = path("/api/runs").queryParam("from", today).queryParam("size", RUNS_SHOWN).build()
                .encode().toUriString();
        return ApiCalls.exchange(client.get().uri(relative), RunPage.class, SERVICE).map(RunPage::items);
    }

    public Mono<Run> run(String id) {
        return get(path("/api/runs/{id}").buildAndExpand(id), Run.class);
    }

    public Mono<RoleFit> roleFit(boolean shapesDirection, boolean facilitates, boolean wholeTeam) {
        return get(path("/api/guide/role-fit").queryParam("shapesDirection", shapesDirection)
                .queryParam("facilitates", facilitates).queryParam("wholeTeam", wholeTeam).build(), RoleFit.class);
    }

    private static UriComponentsBuilder path(String path) {
        return UriComponentsBuilder.fromPath(path);
    }

    /** Every catalogue query is public and says, in its Cache-Control, how long its answer may be reused. */
    private <T> Mono<T> get(UriComponents uri, Class<T> type) {
        String relative = uri.encode().toUriString();
        return ApiCalls.exchangeCached(client.get().uri(relative), type, SERVICE, cache, SERVICE + relative);
    }
}
