package dev.courseline.website.staff.leads;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox's filters as the page sent them. A missing {@code team} means the member's own team; an empty one means
 * every team.
 */
public record LeadFilter(String status, String team, String kind, String overdue, String q, Integer page) {

    static final int PAGE_SIZE = 25;

    static final Map<String, String> FIELDS = Map.of("status", "status", "team", "team", "kind", "kind",
            "overdue", "overdue", "q", "q", "page", "page");

    static final Map<String, String> LABELS = Map.of("status", "Status", "team", "Team", "kind", "Kind",
            "overdue", "Overdue", "q", "Search", "page", "Page");

    LeadFilter withDefaultTeam(String ownTeam) {
        return team != null ? this : new LeadFilter(status, ownTeam == null ? "" : ownTeam, kind, overdue, q, page);
    }

    /** Values go in as URI variables, so whatever was typed (an {@code &}, a {@code +}) is encoded, not read. */
    URI toQuery(UriBuilder uri) {
        Map<String, Object> values = new HashMap<>();
        uri.path("/api/leads").queryParam("sort", "respondBy").queryParam("size", PAGE_SIZE)
                .queryParam("page", page == null ? 0 : page);
        add(uri, values, "status", status);
        // An empty team field means every team; left out, the service would give the member's own.
        add(uri, values, "team", team == null || team.isBlank() ? "all" : team);
        add(uri, values, "kind", kind);
        add(uri, values, "q", q);
        if ("yes".equals(overdue)) {
            uri.queryParam("overdue", true);
        }
        return uri.build(values);
    }

    /** The same filters on another page of results, for the pager's links. */
    public String pageLink(int wanted) {
        return UriComponentsBuilder.fromPath("/staff/leads")
                .queryParam("status", nullToEmpty(status)).queryParam("team", nullToEmpty(team))
                .queryParam("kind", nullToEmpty(kind)).queryParam("overdue", nullToEmpty(overdue))
                .queryParam("q", nullToEmpty(q)).queryParam("page", wanted).encode().build().toUriString();
    }

    public int currentPage() {
        return page == null ? 0 : page;
    }

    public boolean is(String value, String choice) {
        return choice.equals(value == null ? "" : value);
    }

    private static void add(UriBuilder uri, Map<String, Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, "{" + name + "}");
            values.put(name, value.strip());
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
