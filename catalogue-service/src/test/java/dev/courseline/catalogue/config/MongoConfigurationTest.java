package dev.courseline.catalogue.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/** Local dates and date-times are written as ISO text and read back from it, never as instants. */
class MongoConfigurationTest {

    private final MongoCustomConversions conversions = new MongoConfiguration().mongoCustomConversions();

    @Test
    void localDateTimesAndDatesAreStoredAsText() {
        assertThat(conversions.getCustomWriteTarget(LocalDateTime.class)).contains(String.class);
        assertThat(conversions.getCustomWriteTarget(LocalDate.class)).contains(String.class);
        assertThat(conversions.hasCustomReadTarget(String.class, LocalDateTime.class)).isTrue();
        assertThat(conversions.hasCustomReadTarget(String.class, LocalDate.class)).isTrue();
    }
}
