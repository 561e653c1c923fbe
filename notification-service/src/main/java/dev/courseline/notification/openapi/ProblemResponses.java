package dev.courseline.notification.openapi;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
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
 * Documents the error answers of the delivery log, which follow from the shape of each operation, and the media
 * type of every answer:
 * <ul>
 * <li>401 (with {@code WWW-Authenticate: Bearer}) and 403 everywhere: every path needs a token with role SALES or
 * ADMIN (SecurityConfiguration, ProblemAuthenticationHandlers);</li>
 * <li>400 where there are query parameters: a bad status, page or size (web.ProblemHandler);</li>
 * <li>404 where the path names one notification ({@code {id}}).</li>
 * </ul>
 * Every 4xx answer gets the problem body ({@code application/problem+json}, schema ProblemDetail) and every 2xx
 * answer {@code application/json} instead of springdoc's {@code *}{@code /*}. An answer only one operation gives
 * (the 409 of a retry) is declared on its handler.
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
                        .addProperty("field", new StringSchema().example("status"))
                        .addProperty("message", new StringSchema().example("must be 0 or more")));
        openApi.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> describe(path, operation)));
    }

    private static void describe(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("query"::equals);
        if (query) {
            responses.putIfAbsent("400", new ApiResponse()
                    .description("Invalid parameters: a problem body whose errors name each bad one"));
        }
        responses.putIfAbsent("401", new ApiResponse().description("Missing or invalid bearer token")
                .addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema()._enum(List.of("Bearer")))));
        responses.putIfAbsent("403", new ApiResponse().description("The token lacks the role SALES or ADMIN"));
        if (path.contains("{id}")) {
            responses.putIfAbsent("404", new ApiResponse().description("No notification with this id"));
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

    /** What ProblemHandler and ProblemAuthenticationHandlers write (RFC 9457). */
    private static Schema<?> problemDetail() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().description("Each bad parameter (400 only)")
                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_SCHEMA)));
    }
}
