package dev.courseline.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The weight of a page as a first visit transfers it: its HTML and every same-origin sub-resource it makes a browser
 * fetch (stylesheets and what they import, scripts, icons, images), counted as the bytes on the wire (body as sent
 * plus the response headers as HTTP/1.1 text), once asking for gzip as a browser does and once without. References
 * to any other origin are not fetched but listed: the site promises that a visitor's browser talks to it alone.
 */
final class PageWeights {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI origin;
    /** Every sub-resource met so far, for the report's table of them. */
    private final Map<URI, Resource> resources = new LinkedHashMap<>();

    PageWeights(String websiteUrl) {
        this.origin = URI.create(websiteUrl);
    }

    /** One fetched response: what it weighed on the wire and the body as the server sent it. */
    record Fetched(URI uri, int status, HttpHeaders headers, byte[] body) {

        long transferred() {
            // "HTTP/1.1 200 OK" and the blank line after the headers; the reason phrase is not given to the client.
            long bytes = "HTTP/1.1 200 OK\r\n\r\n".length();
            for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
                for (String value : header.getValue()) {
                    bytes += header.getKey().length() + 2 + value.length() + 2;
                }
            }
            return bytes + body.length;
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        String text() throws IOException {
            byte[] plain = header("Content-Encoding").equalsIgnoreCase("gzip")
                    ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes()
                    : body;
            return new String(plain, StandardCharsets.UTF_8);
        }
    }

    /** A sub-resource: its weight with and without gzip and how a browser may keep it. */
    record Resource(URI uri, int status, String contentType, String gzipEncoding, long gzipBytes, long plainBytes,
            String cacheControl) {
    }

    /** A page: its HTML, its sub-resources and the references to other origins it holds. */
    record Weight(String path, int status, long htmlGzip, long htmlPlain, List<Resource> resources,
            List<URI> thirdParty, String html) {

        long gzipTotal() {
            return htmlGzip + resources.stream().mapToLong(Resource::gzipBytes).sum();
        }

        long plainTotal() {
            return htmlPlain + resources.stream().mapToLong(Resource::plainBytes).sum();
        }

        /** Every sub-resource answered 200 and nothing points at another origin. */
        boolean complete() {
            return status == 200 && thirdParty.isEmpty() && resources.stream().allMatch(r -> r.status() == 200);
        }
    }

    Weight of(String path) throws Exception {
        URI page = origin.resolve(path);
        Fetched gzip = fetch(page, true);
        Fetched plain = fetch(page, false);
        Set<URI> referenced = new LinkedHashSet<>(PageReferences.inHtml(gzip.text(), page));
        List<URI> thirdParty = new ArrayList<>(PageReferences.contactedInHtml(gzip.text(), page).stream()
                .filter(contacted -> !PageReferences.sameOrigin(contacted, origin)).toList());
        List<Resource> loaded = new ArrayList<>();
        Deque<URI> pending = new ArrayDeque<>(referenced);
        while (!pending.isEmpty()) {
            URI next = pending.removeFirst();
            if (!PageReferences.sameOrigin(next, origin)) {
                thirdParty.add(next);
                continue;
            }
            Fetched asset = fetch(next, true);
            Fetched assetPlain = fetch(next, false);
            Resource resource = new Resource(next, asset.status(), asset.header("Content-Type"),
                    asset.header("Content-Encoding"), asset.transferred(), assetPlain.transferred(),
                    asset.header("Cache-Control"));
            loaded.add(resource);
            resources.putIfAbsent(next, resource);
            if (asset.status() == 200 && resource.contentType().startsWith("text/css")) {
                for (URI imported : PageReferences.inCss(asset.text(), next)) {
                    if (referenced.add(imported)) {
                        pending.addLast(imported);
                    }
                }
            }
        }
        return new Weight(path, gzip.status(), gzip.transferred(), plain.transferred(), List.copyOf(loaded),
                List.copyOf(thirdParty), gzip.text());
    }

    /** Every distinct sub-resource of the pages weighed so far. */
    List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    private Fetched fetch(URI uri, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        if (gzip) {
            // Only what this client can decode; the site compresses with gzip.
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Fetched(uri, response.statusCode(), response.headers(), response.body());
    }
}
