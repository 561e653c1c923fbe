package dev.courseline.catalogue.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;

/**
 * Documents, once for every operation, the error answers it can give (a problem body, see ProblemHandler and the
 * security config) and the 304 of the public reads (HttpCaching). They follow from the shape of the operation:
 * <ul>
 * <li>401 and 403 on staff paths ({@code /api/admin/**});</li>
 * <li>400 where there is a request body or query parameters;</li>
 * <li>404 where the path names one course or run ({@code {slug}}, {@code {id}});</li>
 * <li>409 on staff writes to one course or run (a stale version, or an action its status does not allow);</li>
 * <li>304 on public reads.</li>
 * </ul>
 * A handler that can give one of these codes otherwise declares it with its own description (e.g. a 409 on create);
 * it gets the problem body here. Successful answers are documented as {@code application/json}, what they are.
 */
final class ProblemResponses implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ANY = "*/*";
    private static final String JSON = "application/json";
    private static final String PROBLEM_SCHEMA = "ProblemDetail";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA,
                ModelConverters.getInstance(true).read(ProblemDetail.class).get(PROBLEM_SCHEMA));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        boolean staff = path.startsWith("/api/admin/");
        boolean one = path.contains("{");
        boolean read = method == HttpMethod.GET;
        boolean input = operation.getRequestBody() != null || operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("query"::equals);
        ApiResponses responses = operation.getResponses();
        if (read && !staff) {
            responses.addApiResponse("304",
                    new ApiResponse().description("Not modified: If-None-Match matched the current ETag"));
        }
        if (input) {
            problem(responses, "400", "Invalid input: a problem body whose errors name each bad field");
        }
        if (staff) {
            problem(responses, "401", "Missing or invalid bearer token");
            problem(responses, "403", "The token lacks the role CATALOGUE_MANAGER or ADMIN");
        }
        if (one) {
            problem(responses, "404", "Not found");
        }
        if (staff && one && !read) {
            problem(responses, "409", "Stale version, or an action the current status does not allow");
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4")) {
                response.content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
            } else if (response.getContent() != null && response.getContent().containsKey(ANY)) {
                response.getContent().addMediaType(JSON, response.getContent().remove(ANY));
            }
        });
    }

    private static void problem(ApiResponses responses, String code, String description) {
        responses.putIfAbsent(code, new ApiResponse().description(description));
    }
}
