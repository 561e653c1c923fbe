package dev.courseline.website.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;

/** Turns a service's error answers and transport failures into {@link ApiException}s. */
public final class ApiCalls {

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d{1,9})");

    private ApiCalls() {
    }

    /** Sends the request and reads its answer as {@code type}, or fails with the matching {@link ApiException}. */
    public static <T> Mono<T> exchange(WebClient.RequestHeadersSpec<?> request, Class<T> type, String service) {
        return exchange(request, ParameterizedTypeReference.forType(type), service);
    }

    public static <T> Mono<T> exchange(WebClient.RequestHeadersSpec<?> request, ParameterizedTypeReference<T> type,
            String service) {
        return unreachable(request.exchangeToMono(response -> read(response, type, service)), service);
    }

    /** Like {@link #exchange}, keeping the answer's {@code ETag}: the version a later change names in If-Match. */
    public static <T> Mono<Versioned<T>> exchangeVersioned(WebClient.RequestHeadersSpec<?> request, Class<T> type,
            String service) {
        return unreachable(request.exchangeToMono(response -> {
            String version = response.headers().asHttpHeaders().getETag();
            return read(response, ParameterizedTypeReference.<T>forType(type), service)
                    .map(body -> new Versioned<T>(body, version));
        }), service);
    }

    /**
     * The same for a public GET, served from {@code cache} while the service's {@code Cache-Control} allows it; an
     * answer the service does not allow to be shared is passed on and not kept.
     */
    public static <T> Mono<T> exchangeCached(WebClient.RequestHeadersSpec<?> request, Class<T> type, String service,
            SharedCache cache, String key) {
        return cache.get(key, () -> unreachable(request.exchangeToMono(response -> {
            Duration maxAge = sharedMaxAge(response.headers().asHttpHeaders().getCacheControl());
            return read(response, ParameterizedTypeReference.forType(type), service)
                    .map(body -> new SharedCache.Fresh(body, maxAge));
        }), service));
    }

    /** {@code public, max-age=N} allows a shared cache to keep an answer N seconds; anything else, not at all. */
    static Duration sharedMaxAge(String cacheControl) {
        if (cacheControl == null || !cacheControl.contains("public") || cacheControl.contains("no-store")
                || cacheControl.contains("private")) {
            return Duration.ZERO;
        }
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        return maxAge.find() ? Duration.ofSeconds(Long.parseLong(maxAge.group(1))) : Duration.ZERO;
    }

    private static <T> Mono<T> read(ClientResponse response, ParameterizedTypeReference<T> type, String service) {
        HttpStatus status = HttpStatus.resolve(response.statusCode().value());
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type);
        }
        if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.NOT_FOUND || status == HttpStatus.CONFLICT
                || status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.PRECONDITION_FAILED
                || response.statusCode().value() == 422) {
            return response.bodyToMono(Problem.class)
                    .onErrorResume(unreadable -> Mono.empty())
                    .defaultIfEmpty(new Problem(null, null, null))
                    .flatMap(problem -> Mono.error(failure(status, problem)));
        }
        return response.releaseBody().then(Mono.error(new ApiException.Unavailable(
                "The " + service + " service answered " + response.statusCode().value(), null)));
    }

    /** A refused connection, a timeout or a broken answer: the service cannot be reached just now. */
    private static <T> Mono<T> unreachable(Mono<T> call, String service) {
        return call.onErrorMap(e -> e instanceof WebClientRequestException || e instanceof TimeoutException
                || e instanceof IOException || e instanceof WebClientResponseException,
                e -> new ApiException.Unavailable("The " + service + " service could not be reached", e));
    }

    private static ApiException failure(HttpStatus status, Problem problem) {
        String detail = problem.detail() != null ? problem.detail() : status.getReasonPhrase();
        return switch (status) {
            case NOT_FOUND -> new ApiException.NotFound(detail);
            case BAD_REQUEST -> new ApiException.InvalidInput(detail, problem.fieldErrors());
            case TOO_MANY_REQUESTS -> new ApiException.TooManyRequests(detail);
            case PRECONDITION_FAILED -> new ApiException.Stale(detail);
            default -> new ApiException.Conflict(problem.title(), detail);
        };
    }
}
