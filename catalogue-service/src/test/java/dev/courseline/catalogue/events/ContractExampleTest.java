package dev.courseline.catalogue.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.Money;
import dev.courseline.catalogue.course.Certification;
import dev.courseline.catalogue.course.CourseKind;
import dev.courseline.catalogue.course.CourseStatus;
import dev.courseline.catalogue.course.CourseView;
import dev.courseline.catalogue.course.TargetRole;
import dev.courseline.catalogue.run.EarlyBird;
import dev.courseline.catalogue.run.RunStatus;
import dev.courseline.catalogue.run.RunView;
import dev.courseline.catalogue.run.Venue;
import dev.courseline.catalogue.support.ContractExamples;

/** The committed example payloads are exactly what the service writes for the same state, value for value. */
class ContractExampleTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thereIsOneExamplePerEventType() {
        Arrays.stream(CatalogueEventType.values())
                .forEach(type -> assertThat(ContractExamples.example(json, type.ceType())).isNotNull());
    }

    @Test
    void theCoursePublishedExampleIsHowACourseIsSerialised() {
        JsonNode example = ContractExamples.example(json, CatalogueEventType.COURSE_PUBLISHED.ceType());
        CourseView course = new CourseView("pspo", "Professional Scrum Product Owner (PSPO)", CourseKind.PUBLIC_COURSE,
                TargetRole.PRODUCT_OWNER, example.get("summary").asString(),
                example.get("outcomes").valueStream().map(JsonNode::asString).toList(),
                new Certification("Scrum.org", "PSPO I", true), 2, List.of(DeliveryMode.ONLINE, DeliveryMode.ONSITE),
                Money.of("1195", "GBP"), CourseStatus.PUBLISHED, 1, Instant.parse("2026-11-22T16:10:00Z"));
        assertThat(json.readTree(json.writeValueAsString(course))).isEqualTo(example);
    }

    @Test
    void theRunScheduledExampleIsHowARunIsSerialised() {
        JsonNode example = ContractExamples.example(json, CatalogueEventType.RUN_SCHEDULED.ceType());
        RunView run = new RunView("6d1f8c2e-4b7a-4f3e-9a51-2c8e0b7d9f14", "pspo",
                "Professional Scrum Product Owner (PSPO)", LocalDateTime.parse("2026-12-08T09:00"),
                LocalDateTime.parse("2026-12-09T17:00"), "Europe/London", Instant.parse("2026-12-08T09:00:00Z"),
                Instant.parse("2026-12-09T17:00:00Z"), DeliveryMode.ONSITE,
                new Venue("Courseline Training Centre, Farringdon", "London", "GB"), 4, 16, Money.of("1195.00", "GBP"),
                new EarlyBird(Money.of("995", "GBP"), LocalDate.parse("2026-11-24")), RunStatus.SCHEDULED, 1,
                Instant.parse("2026-11-22T16:10:00Z"));
        assertThat(json.readTree(json.writeValueAsString(run))).isEqualTo(example);
    }
}
