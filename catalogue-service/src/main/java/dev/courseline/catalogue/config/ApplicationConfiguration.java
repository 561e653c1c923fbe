package dev.courseline.catalogue.config;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans; the clock is a bean so tests and the seed agree on what "today" is. */
@Configuration
@ConfigurationPropertiesScan("dev.courseline.catalogue")
public class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
