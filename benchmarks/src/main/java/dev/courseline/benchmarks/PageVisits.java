package dev.courseline.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Visitors asking for one address after another over one shared HTTP/1.1 client (a connection per visitor at most),
 * with gzip accepted as a browser does; a visit counts when the whole answer arrived with 200.
 */
final class PageVisits {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    boolean get(URI address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                .header("Accept-Encoding", "gzip").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
