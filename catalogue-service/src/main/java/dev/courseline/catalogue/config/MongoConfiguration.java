package dev.courseline.catalogue.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.ConverterBuilder;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Local date-times are stored as ISO text: the default mapping turns them into instants in the JVM's zone, which
 * silently shifts a run's 09:00 when the server's zone changes or lands in a daylight-saving gap.
 */
@Configuration
public class MongoConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(
                ConverterBuilder.writing(LocalDateTime.class, String.class, LocalDateTime::toString)
                        .andReading(LocalDateTime::parse),
                ConverterBuilder.writing(LocalDate.class, String.class, LocalDate::toString)
                        .andReading(LocalDate::parse)));
    }
}
