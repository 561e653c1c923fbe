package dev.courseline.catalogue.config;

import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.outbox.OutboxCollections;
import dev.courseline.catalogue.run.Run;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Local date-times are stored as ISO text: the default mapping turns them into instants in the JVM's zone, which
 * silently shifts a run's 09:00 when the server's zone changes or lands in a daylight-saving gap.
 */
@Configuration
public class MongoConfig {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(
                new LocalDateTimeToString(), new StringToLocalDateTime(),
                new LocalDateToString(), new StringToLocalDate()));
    }

    @Bean
    OutboxCollections outboxCollections(ReactiveMongoTemplate mongo) {
        return new OutboxCollections(List.of(mongo.getCollectionName(Course.class), mongo.getCollectionName(Run.class)));
    }

    @WritingConverter
    static final class LocalDateTimeToString implements Converter<LocalDateTime, String> {
        @Override
        public String convert(LocalDateTime source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDateTime implements Converter<String, LocalDateTime> {
        @Override
        public LocalDateTime convert(String source) {
            return LocalDateTime.parse(source);
        }
    }

    @WritingConverter
    static final class LocalDateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToLocalDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
