package dev.courseline.website.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The public catalogue: courses, their runs and the role-fit guide. */
public class CatalogueApi {

    private static final String SERVICE = "catalogue";
    /** A course page lists at most this many upcoming runs; the catalogue's page limit. */
    private static final int RUNS_SHOWN = 50;

    private final WebClient client;

    public CatalogueApi(WebClient client) {
        this.client = client;
    }

    public Mono<Course> course(String slug) {
        return get(client.get().uri("/api/courses/{slug}", slug), Course.class);
    }

    /** Runs of a course starting from {@code today} on, soonest first, cancelled ones included. */
    public Mono<List<Run>> upcomingRuns(String courseSlug, LocalDate today) {
        return get(client.get().uri(uri -> uri.path("/api/runs").queryParam("course", courseSlug)
                .queryParam("from", today).queryParam("size", RUNS_SHOWN).build()), RunPage.class)
                .map(RunPage::items);
    }

    /** Every public run starting from {@code today} on, of any course, soonest first. */
    public Mono<List<Run>> upcomingRuns(LocalDate today) {
        return get(client.get().uri(uri -> uri.path("/api/runs").queryParam("from", today)
                .queryParam("size", RUNS_SHOWN).build()), RunPage.class).map(RunPage::items);
    }

    public Mono<Run> run(String id) {
        return get(client.get().uri("/api/runs/{id}", id), Run.class);
    }

    public Mono<RoleFit> roleFit(boolean shapesDirection, boolean facilitates, boolean wholeTeam) {
        return get(client.get().uri(uri -> uri.path("/api/guide/role-fit")
                .queryParam("shapesDirection", shapesDirection).queryParam("facilitates", facilitates)
                .queryParam("wholeTeam", wholeTeam).build()), RoleFit.class);
    }

    private static <T> Mono<T> get(WebClient.RequestHeadersSpec<?> request, Class<T> type) {
        return ApiCalls.exchange(request, type, SERVICE);
    }
}
