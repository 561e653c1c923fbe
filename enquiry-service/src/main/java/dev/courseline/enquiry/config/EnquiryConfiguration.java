package dev.courseline.enquiry.config;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("dev.courseline.enquiry")
@EnableScheduling
public class EnquiryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
