package dev.courseline.website.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import reactor.core.publisher.Mono;

import dev.courseline.website.api.CatalogueApi;
import dev.courseline.website.course.CoursePaths;

/**
 * "Which course should you choose": the Product Owner and Scrum Master compared, and the role-fit question as a
 * plain GET form, so the answer works without JavaScript and can be bookmarked.
 */
@Controller
class HomeController {

    private final CatalogueApi catalogue;

    HomeController(CatalogueApi catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/")
    Mono<String> home(@RequestParam(required = false) String shapesDirection,
            @RequestParam(required = false) String facilitates, @RequestParam(required = false) String wholeTeam,
            Model model) {
        RoleFitAnswers answers = new RoleFitAnswers(shapesDirection, facilitates, wholeTeam);
        model.addAttribute("answers", answers);
        if (!answers.anyGiven()) {
            return Mono.just("home");
        }
        return catalogue.roleFit(answers.yes(shapesDirection), answers.yes(facilitates), answers.yes(wholeTeam))
                .map(recommendation -> {
                    model.addAttribute("recommendation", recommendation);
                    model.addAttribute("paths", new CoursePaths());
                    return "home";
                });
    }
}
