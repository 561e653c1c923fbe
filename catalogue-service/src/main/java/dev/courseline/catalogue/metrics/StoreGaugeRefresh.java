package dev.courseline.catalogue.metrics;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Refreshes each {@link StoreGauge} every {@code courseline.metrics.refresh-interval}; a failure keeps the value. */
@Configuration
@EnableScheduling
class StoreGaugeRefresh {

    private static final Logger log = LoggerFactory.getLogger(StoreGaugeRefresh.class);

    private final List<StoreGauge> gauges;

    StoreGaugeRefresh(List<StoreGauge> gauges) {
        this.gauges = gauges;
    }

    @Scheduled(fixedDelayString = "${courseline.metrics.refresh-interval}")
    void refresh() {
        for (StoreGauge gauge : gauges) {
            try {
                gauge.refresh().block(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                log.debug("Could not refresh {}: {}", gauge.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
