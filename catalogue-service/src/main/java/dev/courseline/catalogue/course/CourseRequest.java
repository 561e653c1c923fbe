package dev.courseline.catalogue.course;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.MoneyRequest;
import dev.courseline.catalogue.web.FieldRules;

/**
 * A course as a catalogue manager creates ({@code slug} required) or edits it ({@code version} required: the
 * version the edit is based on).
 */
public record CourseRequest(
        @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens") String slug,
        @Min(1) Long version,
        @NotBlank @Size(max = 200) String title,
        @NotNull CourseKind kind,
        @NotNull TargetRole role,
        @NotBlank @Size(max = 2000) String summary,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 300) String> outcomes,
        @Valid CertificationRequest certification,
        @NotNull @Min(1) @Max(365) Integer durationDays,
        @NotEmpty List<@NotNull DeliveryMode> deliveryModes,
        @NotNull @Valid MoneyRequest listPrice) {

    public record CertificationRequest(@NotBlank @Size(max = 100) String body, @NotBlank @Size(max = 100) String name,
            @NotNull Boolean assessmentIncluded) {
    }

    void requireSlug() {
        new FieldRules().require(slug != null, "slug", "must not be null").throwIfAny();
    }

    void requireVersion() {
        new FieldRules().require(version != null, "version", "must not be null").throwIfAny();
    }

    CourseContent content() {
        Certification cert = certification == null
                ? null
                : new Certification(certification.body(), certification.name(), certification.assessmentIncluded());
        return new CourseContent(title, kind, role, summary, List.copyOf(outcomes), cert, durationDays,
                deliveryModes.stream().distinct().toList(), listPrice.toMoney());
    }
}
