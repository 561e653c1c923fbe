package dev.courseline.catalogue.guide;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import dev.courseline.catalogue.web.HttpCaching;

/** "Which course should you choose": {@code GET /api/guide/role-fit?shapesDirection=true&facilitates=false&wholeTeam=false}. */
@RestController
public class RoleFitController {

    private final HttpCaching caching;

    public RoleFitController(HttpCaching caching) {
        this.caching = caching;
    }

    @Operation(operationId = "recommendCourse", summary = "Which course should you choose")
    @GetMapping("/api/guide/role-fit")
    public ResponseEntity<RoleFitRecommendation> recommend(@ParameterObject @ModelAttribute RoleFitAnswers answers,
            ServerHttpRequest request) {
        return caching.cacheable(RoleFitGuide.recommend(answers), request.getHeaders());
    }
}
