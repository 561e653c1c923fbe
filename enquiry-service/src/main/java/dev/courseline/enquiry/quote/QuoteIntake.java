package dev.courseline.enquiry.quote;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.ClientSignals;
import dev.courseline.enquiry.catalogue.CatalogueView;
import dev.courseline.enquiry.catalogue.Course;
import dev.courseline.enquiry.intake.Announcement;
import dev.courseline.enquiry.intake.EnquiryDraft;
import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.intake.IntakeResult;
import dev.courseline.enquiry.intake.IntakeService;
import dev.courseline.enquiry.intake.Money;
import dev.courseline.enquiry.intake.Organisation;
import dev.courseline.enquiry.intake.Programme;
import dev.courseline.enquiry.web.FieldProblem;
import dev.courseline.enquiry.web.RequestValidator;

/** Validates a quote request against the form's rules and the current catalogue, then hands it to intake. */
@Service
public class QuoteIntake {

    /** The tailored programme that needs no catalogue entry: "train my whole team". */
    public static final String IN_HOUSE = "in-house";
    private static final String IN_HOUSE_TITLE = "In-house Agile and Scrum training";

    private static final Announcement ANNOUNCEMENT = new Announcement(QuoteRequested.TYPE, QuoteRequested::of);

    private final RequestValidator validator;
    private final CatalogueView catalogue;
    private final IntakeService intake;
    private final Clock clock;

    public QuoteIntake(RequestValidator validator, CatalogueView catalogue, IntakeService intake, Clock clock) {
        this.validator = validator;
        this.catalogue = catalogue;
        this.intake = intake;
        this.clock = clock;
    }

    public Mono<IntakeResult> submit(QuoteRequest request, String idempotencyKey, ClientSignals signals) {
        List<FieldProblem> problems = new ArrayList<>(validator.violations(request));
        String slug = request == null || request.programme() == null ? "" : request.programme().strip();
        return programme(slug)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(programme -> {
                    if (request != null && programme.isEmpty()
                            && problems.stream().noneMatch(p -> p.field().equals("programme"))) {
                        problems.add(new FieldProblem("programme", "is not a programme we offer"));
                    }
                    RequestValidator.throwIfAny(problems);
                    return intake.accept(draft(request, programme.get()), idempotencyKey, ANNOUNCEMENT, signals,
                            request);
                });
    }

    private Mono<Programme> programme(String slug) {
        if (IN_HOUSE.equals(slug)) {
            return Mono.just(new Programme(IN_HOUSE, IN_HOUSE_TITLE));
        }
        return catalogue.course(slug)
                .filter(course -> course.isOffered() && !"MEMBERSHIP".equals(course.kind()))
                .map(QuoteIntake::programmeOf);
    }

    private static Programme programmeOf(Course course) {
        return new Programme(course.slug(), course.title());
    }

    private EnquiryDraft draft(QuoteRequest request, Programme programme) {
        Organisation organisation = new Organisation(request.organisation().name().strip(),
                request.organisation().country());
        Money budget = request.budget() == null
                ? null
                : Money.of(request.budget().amount(), request.budget().currency());
        String summary = "In-house quote: " + programme.title() + " for " + request.teamSize() + " people, "
                + request.deliveryMode().toLowerCase(Locale.ROOT);
        return new EnquiryDraft(EnquiryKind.QUOTE, request.contact().toContact(), organisation, programme,
                request.teamSize(), request.deliveryMode(), blankToNull(request.location()),
                blankToNull(request.preferredDates()), budget, null, blankToNull(request.message()),
                request.consent().toConsent(clock.instant()), "QUOTE:" + programme.slug(), summary);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
