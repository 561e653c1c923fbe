package dev.courseline.enquiry.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents what the quote and membership intake answers: {@code 202} (not the {@code 200} springdoc infers from the
 * return type), {@code 400} naming each bad field, and {@code 503} with {@code Retry-After} when too many are in
 * progress (IntakeLoadShedding).
 */
final class IntakeResponses implements OpenApiCustomizer {

    private static final String INTAKE = "/api/enquiries/";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(INTAKE) && item.getPost() != null) {
                describe(item.getPost());
            }
        });
    }

    private static void describe(Operation operation) {
        ApiResponses responses = operation.getResponses();
        ApiResponse accepted = responses.remove("200");
        if (accepted != null) {
            responses.addApiResponse("202", accepted.description("Accepted: stored, its event on its way"));
        }
        responses.addApiResponse("400", problem("Invalid input: a problem body whose errors name each bad field"));
        responses.addApiResponse("503", problem("Too many requests in progress; nothing was stored, send it again")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                        .schema(new IntegerSchema())));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new ObjectSchema())));
    }
}
