package dev.courseline.website.course;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.website.api.ApiException;
import dev.courseline.website.api.CatalogueApi;
import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.api.Run;
import dev.courseline.website.api.Seats;
import dev.courseline.website.web.PageNotFound;

/** A public course (PSPO, PSM): what it is, from the catalogue, then its upcoming runs with seats from enquiries. */
@Controller
class CourseController {

    private final CatalogueApi catalogue;
    private final EnquiryApi enquiries;
    private final Clock clock;

    CourseController(CatalogueApi catalogue, EnquiryApi enquiries, Clock clock) {
        this.catalogue = catalogue;
        this.enquiries = enquiries;
        this.clock = clock;
    }

    @GetMapping("/courses/{slug}")
    Mono<String> course(@PathVariable String slug, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return catalogue.course(slug).flatMap(course -> {
            if (!"PUBLIC_COURSE".equals(course.kind())) {
                return Mono.just("redirect:" + new CoursePaths().of(slug));
            }
            return catalogue.upcomingRuns(slug, today)
                    .flatMapMany(Flux::fromIterable)
                    .filter(run -> run.startUtc() == null || run.startUtc().isAfter(clock.instant()))
                    .flatMapSequential(run -> seats(run).map(seats -> RunCard.of(run, seats, clock))
                            .defaultIfEmpty(RunCard.of(run, null, clock)))
                    .collectList()
                    .map(runs -> {
                        model.addAttribute("course", course);
                        model.addAttribute("runs", runs);
                        return "course";
                    });
        }).onErrorMap(ApiException.NotFound.class, e -> new PageNotFound("No published course " + slug,
                "This course is not offered at the moment. Our other courses and in-house training are listed on "
                        + "the home page."));
    }

    /** Seats are shown when the enquiry service can say; the page still lists the runs when it cannot. */
    private Mono<Seats> seats(Run run) {
        if (run.isCancelled()) {
            return Mono.empty();
        }
        return enquiries.seats(run.id()).onErrorResume(ApiException.class, e -> Mono.empty());
    }
}
