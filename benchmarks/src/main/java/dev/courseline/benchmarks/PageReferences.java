package dev.courseline.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser fetches for a page: the sub-resources its HTML names (stylesheets, icons, preloads, scripts, images,
 * frames, media) and those its stylesheets name ({@code url(...)}, {@code @import}). Links a browser only follows
 * when clicked, such as {@code <a href>} or {@code <link rel="canonical">}, are not requests and are left out; the
 * origins a page only connects to ahead of time (preconnect, dns-prefetch) are listed apart.
 */
final class PageReferences {

    private static final Pattern TAG = Pattern.compile(
            "<(link|script|img|source|iframe|video|audio|embed|object|input|track)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
    private static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    /** The link relations a browser loads on its own. */
    private static final Set<String> FETCHED_LINKS = Set.of("stylesheet", "icon", "shortcut", "apple-touch-icon",
            "preload", "modulepreload", "prefetch", "manifest", "mask-icon");
    /** The link relations that open a connection to an origin without fetching anything from it. */
    private static final Set<String> CONTACTED_LINKS = Set.of("preconnect", "dns-prefetch");
    private static final Map<String, List<String>> URL_ATTRIBUTES = Map.of(
            "script", List.of("src"), "img", List.of("src", "srcset"), "source", List.of("src", "srcset"),
            "iframe", List.of("src"), "video", List.of("src", "poster"), "audio", List.of("src"),
            "embed", List.of("src"), "object", List.of("data"), "track", List.of("src"));

    private PageReferences() {
    }

    /** The origins the page's HTML makes a browser connect to ahead of time (preconnect, dns-prefetch). */
    static List<URI> contactedInHtml(String html, URI page) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = attributes(tag.group(2));
            if (tag.group(1).equalsIgnoreCase("link") && relations(attributes).stream()
                    .anyMatch(CONTACTED_LINKS::contains)) {
                resolve(page, attributes.get("href"), found);
            }
        }
        return List.copyOf(found);
    }

    /** The sub-resources the page's HTML makes a browser fetch, resolved against the page's address. */
    static List<URI> inHtml(String html, URI page) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = attributes(tag.group(2));
            List<String> values = new ArrayList<>();
            if (name.equals("link")) {
                if (relations(attributes).stream().anyMatch(FETCHED_LINKS::contains)) {
                    values.add(attributes.get("href"));
                }
            } else if (name.equals("input")) {
                if ("image".equalsIgnoreCase(attributes.get("type"))) {
                    values.add(attributes.get("src"));
                }
            } else {
                for (String attribute : URL_ATTRIBUTES.get(name)) {
                    String value = attributes.get(attribute);
                    if (value != null && attribute.equals("srcset")) {
                        for (String candidate : value.split(",")) {
                            values.add(candidate.trim().split("\\s+")[0]);
                        }
                    } else {
                        values.add(value);
                    }
                }
            }
            values.forEach(value -> resolve(page, value, found));
        }
        return List.copyOf(found);
    }

    /** The resources a stylesheet makes a browser fetch, resolved against the stylesheet's address. */
    static List<URI> inCss(String css, URI stylesheet) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher url = CSS_URL.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (url.find()) {
            for (int group = 1; group <= url.groupCount(); group++) {
                if (url.group(group) != null) {
                    resolve(stylesheet, url.group(group), found);
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static List<String> relations(Map<String, String> attributes) {
        return List.of(attributes.getOrDefault("rel", "").toLowerCase(Locale.ROOT).trim().split("\\s+"));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            String value = attribute.group(2) != null
                    ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Inline data (data:) and fragments are not requests; anything else is resolved and kept. */
    private static void resolve(URI base, String value, Set<URI> found) {
        if (value == null || value.isBlank()) {
            return;
        }
        String trimmed = value.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("#") || lower.startsWith("about:")) {
            return;
        }
        String resolved = base.resolve(trimmed.replace(" ", "%20")).toString();
        int fragment = resolved.indexOf('#');
        found.add(URI.create(fragment < 0 ? resolved : resolved.substring(0, fragment)));
    }
}
