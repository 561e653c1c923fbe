package dev.courseline.enquiry.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents what the quote and membership intake answers besides what {@link ProblemResponses} gives every request
 * with a body: {@code 202} with the status link in {@code Location} (Accepted; not the {@code 200} springdoc infers
 * from the return type), and {@code 503} with {@code Retry-After} when too many are in progress
 * (IntakeLoadShedding).
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
            responses.addApiResponse("202", accepted.description("Accepted: stored, its event on its way")
                    .addHeaderObject("Location", new Header().description("The enquiry's status link")
                            .schema(new StringSchema().format("uri"))));
        }
        responses.addApiResponse("503", ProblemResponses.problem(
                "Too many requests in progress; nothing was stored, send it again")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                        .schema(new IntegerSchema())));
    }
}
