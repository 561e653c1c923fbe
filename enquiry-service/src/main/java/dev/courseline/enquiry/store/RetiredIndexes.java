package dev.courseline.enquiry.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import reactor.core.publisher.Mono;

/** Drops indexes an earlier version created and this one no longer uses: every write kept paying for them. */
public final class RetiredIndexes {

    private static final Logger log = LoggerFactory.getLogger(RetiredIndexes.class);

    private RetiredIndexes() {
    }

    /** Drops those of {@code names} the collection has. Never fails: left in place, they cost only write time. */
    public static Mono<Void> drop(ReactiveMongoTemplate mongo, String collection, List<String> names) {
        var indexes = mongo.indexOps(collection);
        return indexes.getIndexInfo()
                .map(IndexInfo::getName)
                .filter(names::contains)
                .concatMap(name -> indexes.dropIndex(name)
                        .doOnSuccess(dropped -> log.info("Dropped the retired index {} of {}", name, collection)))
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not drop the retired indexes {} of {}: {}", names, collection, e.toString());
                    return Mono.empty();
                });
    }
}
