package dev.courseline.catalogue.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the answers an operation gives because of its shape, and the media type of every answer:
 * <ul>
 * <li>401 and 403 on staff paths ({@code /api/admin/**}, SecurityConfiguration, ProblemAuthenticationHandlers);</li>
 * <li>400 where there is a request body or query parameters (ProblemHandler);</li>
 * <li>404 where the path names one course or run ({@code {slug}}, {@code {id}});</li>
 * <li>409 on staff writes to one course or run (a stale version, or an action its status does not allow);</li>
 * <li>304 on public reads (HttpCaching).</li>
 * </ul>
 * Every 4xx answer gets the problem body ({@code application/problem+json}, schema ProblemDetail) and every 2xx
 * answer {@code application/json} instead of springdoc's {@code *}{@code /*}. Answers only some operations give
 * (e.g. a 409 on create) are declared on their handlers, which may also word these codes their own way.
 */
final class ProblemResponses implements OpenApiCustomizer {

    private static final String ANY = "*/*";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "ProblemDetail";
    private static final String FIELD_SCHEMA = "FieldProblem";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents()
                .addSchemas(PROBLEM_SCHEMA, problemDetail())
                .addSchemas(FIELD_SCHEMA, new ObjectSchema()
                        .addProperty("field", new StringSchema().example("timeZone"))
                        .addProperty("message",
                                new StringSchema().example("must be an IANA time zone such as Europe/London")));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    /** A problem answer with its body. */
    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
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
            responses.putIfAbsent("400", problem("Invalid input: a problem body whose errors name each bad field"));
        }
        if (staff) {
            responses.putIfAbsent("401", problem("Missing or invalid bearer token"));
            responses.putIfAbsent("403", problem("The token lacks the role CATALOGUE_MANAGER or ADMIN"));
        }
        if (one) {
            responses.putIfAbsent("404", problem("Not found"));
        }
        if (staff && one && !read) {
            responses.putIfAbsent("409", problem("Stale version, or an action the current status does not allow"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.content(problemContent());
            } else if (response.getContent() != null && response.getContent().containsKey(ANY)) {
                response.getContent().addMediaType(JSON, response.getContent().remove(ANY));
            }
        });
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** What ProblemHandler and ProblemAuthenticationHandlers write (RFC 9457). */
    private static Schema<?> problemDetail() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().description("Each bad field (400 only)")
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_SCHEMA)));
    }
}
