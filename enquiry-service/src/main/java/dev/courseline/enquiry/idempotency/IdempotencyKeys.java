package dev.courseline.enquiry.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.enquiry.abuse.AbuseProperties;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.web.TitledProblem;

/**
 * Idempotency-Keys, each scoped to what it was sent to and by whom ({@code scope}: the endpoint and the client
 * address, see {@code ClientAddresses}), stored with the SHA-256 of the request and the id of what the first request
 * created, and removed by a TTL index after {@code enquiry.abuse.idempotency-window}. The first request with a key
 * claims it with an insert (the unique {@code _id} decides between concurrent ones); a repeat with the same body gets
 * the first request's resource, with a different body {@code 422}.
 *
 * <p>The claim and the resource are two writes, so a process that dies between them (SIGKILL, a crash) leaves a key
 * naming a resource that never appears; a repeat then waits for it and answers 409. Once the claim is older than
 * {@code enquiry.abuse.idempotency-claim-timeout} (far longer than a request takes) a repeat takes it over and creates
 * the resource itself, so the person's request is not refused for the key's whole window (issue 21's enquiry kill).
 */
@Component
public class IdempotencyKeys {

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Duration window;
    private final Duration claimTimeout;
    private final Clock clock;

    public IdempotencyKeys(ReactiveMongoTemplate mongo, JsonMapper json, AbuseProperties properties,
            @Value("${enquiry.abuse.idempotency-claim-timeout:PT60S}") Duration claimTimeout, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.window = properties.idempotencyWindow();
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    @Document(IdempotencyKey.COLLECTION)
    record IdempotencyKey(@Id String id, String requestSha256, String resourceId,
            @Indexed(expireAfter = "0s") Instant expiresAt) {
        static final String COLLECTION = "idempotency_keys";
    }

    /**
     * {@code first}: go ahead and create {@code resourceId}; otherwise answer with the resource it names. For a repeat,
     * {@code claimedUntil} is the stored key's expiry and {@code ownResourceId} the id this request would have created:
     * what a take-over of an abandoned claim needs.
     */
    public record Claim(String id, boolean first, String resourceId, Instant claimedUntil, String ownResourceId) {

        Claim(String id, boolean first, String resourceId) {
            this(id, first, resourceId, null, resourceId);
        }

        static Claim withoutKey(String resourceId) {
            return new Claim(null, true, resourceId);
        }
    }

    /** A repeat found no resource for its key: the first request is still storing it, or died before it did. */
    public static final class RequestInProgress extends TitledProblem {

        RequestInProgress() {
            super(HttpStatus.CONFLICT, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; send it again shortly.");
        }
    }

    /** Claims {@code key} for a new resource {@code resourceId}, or finds what an earlier request made with it. */
    public Mono<Claim> claim(String scope, String key, Object request, String resourceId) {
        if (key == null) {
            return Mono.just(Claim.withoutKey(resourceId));
        }
        String id = Fingerprints.sha256(scope + "\n" + key);
        String requestSha256 = Fingerprints.sha256(json.writeValueAsString(request));
        return Mono.defer(() -> {
            Instant now = clock.instant();
            IdempotencyKey fresh = new IdempotencyKey(id, requestSha256, resourceId, now.plus(window));
            return mongo.insert(fresh).map(stored -> new Claim(id, true, resourceId))
                    .onErrorResume(DuplicateKeyException.class, e -> earlier(fresh, now));
        });
    }

    /** A key already stored: the same request again, a different one (422), or one past its window (taken anew). */
    private Mono<Claim> earlier(IdempotencyKey fresh, Instant now) {
        return mongo.findById(fresh.id(), IdempotencyKey.class).flatMap(stored -> {
            if (!stored.expiresAt().isAfter(now)) {
                // Expired but not yet removed by the TTL monitor: the key is free again.
                Query expired = Query
                        .query(Criteria.where("_id").is(fresh.id()).and("expiresAt").is(stored.expiresAt()));
                Update replace = new Update().set("requestSha256", fresh.requestSha256())
                        .set("resourceId", fresh.resourceId()).set("expiresAt", fresh.expiresAt());
                return mongo.findAndModify(expired, replace, FindAndModifyOptions.options().returnNew(true),
                        IdempotencyKey.class)
                        .map(taken -> new Claim(fresh.id(), true, fresh.resourceId()))
                        .switchIfEmpty(Mono.defer(() -> earlier(fresh, now)));
            }
            if (!stored.requestSha256().equals(fresh.requestSha256())) {
                return Mono.error(new TitledProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                        "This Idempotency-Key was sent earlier with a different request; nothing was stored. "
                                + "Use a new key for a new request."));
            }
            return Mono.just(new Claim(fresh.id(), false, stored.resourceId(), stored.expiresAt(), fresh.resourceId()));
        });
    }

    /** Frees a key whose first request failed, so that sending it again tries again. */
    public Mono<Void> release(Claim claim) {
        if (claim.id() == null || !claim.first()) {
            return Mono.empty();
        }
        return mongo.remove(Query.query(Criteria.where("_id").is(claim.id()).and("resourceId").is(claim.resourceId())),
                IdempotencyKey.class).then();
    }

    /**
     * Runs {@code create} for a first claim; a repeat answers with what {@code stored} finds, waiting a little while
     * the first request may still be storing it, and takes an abandoned claim over ({@link RequestInProgress}) to run
     * {@code create} as the first request would. When {@code create} fails, its write may still have been applied
     * (the answer lost with the connection): the resource found then is the answer, and the key is released only when
     * nothing was stored, or kept when that cannot be read, so a retry never stores the request a second time.
     */
    public <T> Mono<T> firstOrRepeat(Claim claim, Supplier<Mono<T>> create, Supplier<Mono<T>> stored) {
        if (!claim.first()) {
            return awaitFirst(Mono.defer(stored)).onErrorResume(RequestInProgress.class, inProgress -> takeOver(claim)
                    .flatMap(taken -> firstOrRepeat(taken, create, stored))
                    .switchIfEmpty(Mono.error(inProgress)));
        }
        return Mono.defer(create).onErrorResume(failure -> Mono.defer(stored)
                .onErrorResume(unreadable -> Mono.error(failure))
                .switchIfEmpty(Mono.defer(() -> release(claim).onErrorResume(ignored -> Mono.empty())
                        .then(Mono.error(failure)))));
    }

    /**
     * The key for this request's own resource id, if its claim is older than the claim timeout and still names the
     * resource that never appeared (one repeat wins when several try at once); empty otherwise.
     */
    private Mono<Claim> takeOver(Claim repeat) {
        if (repeat.claimedUntil() == null) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        Instant claimedAt = repeat.claimedUntil().minus(window);
        if (claimedAt.plus(claimTimeout).isAfter(now)) {
            return Mono.empty();
        }
        Query abandoned = Query.query(Criteria.where("_id").is(repeat.id()).and("resourceId").is(repeat.resourceId())
                .and("expiresAt").is(repeat.claimedUntil()));
        Update claim = new Update().set("resourceId", repeat.ownResourceId()).set("expiresAt", now.plus(window));
        return mongo
                .findAndModify(abandoned, claim, FindAndModifyOptions.options().returnNew(true), IdempotencyKey.class)
                .map(taken -> new Claim(repeat.id(), true, repeat.ownResourceId()));
    }

    /** The resource of a repeat, waiting a little while the first request may still be storing it. */
    private static <T> Mono<T> awaitFirst(Mono<T> lookUp) {
        return Mono.defer(() -> lookUp)
                // A companion that completes ends the Mono empty (the counted repeatWhenEmpty(50, ...) would end it
                // with an IllegalStateException, answered 500, instead of the 409 below).
                .repeatWhenEmpty(attempts -> attempts.take(50).delayElements(Duration.ofMillis(100)))
                .switchIfEmpty(Mono.error(RequestInProgress::new));
    }
}
