package dev.courseline.catalogue.metrics;

import reactor.core.publisher.Mono;

/** A gauge whose value needs a store query: refreshed on a schedule, so a scrape never queries MongoDB. */
interface StoreGauge {

    Mono<Void> refresh();
}
