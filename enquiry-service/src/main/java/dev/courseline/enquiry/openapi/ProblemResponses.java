package dev.courseline.enquiry.openapi;

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
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the answers an operation gives because of its shape, and the media type of every answer:
 * <ul>
 * <li>401 (with {@code WWW-Authenticate: Bearer}) and 403 on staff paths: {@code /api/leads/**} needs SALES or
 * ADMIN, {@code /api/admin/**} ADMIN (SecurityConfiguration, ProblemAuthenticationHandlers);</li>
 * <li>400 and 413 where there is a JSON request body: bad fields, malformed JSON, or a body over
 * {@code spring.http.codecs.max-in-memory-size} (ProblemHandler);</li>
 * <li>404 where the path names one enquiry, enrolment or lead ({@code {id}}, NotFoundException).</li>
 * </ul>
 * Every 4xx and 5xx answer gets the problem body ({@code application/problem+json}, schema ProblemDetail) and every
 * 2xx answer {@code application/json} instead of springdoc's {@code *}{@code /*}. Answers only some operations give
 * (201, 409, the 400 of a query) are declared on their handlers, which may also word these codes their own way.
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
                        .addProperty("field", new StringSchema().example("contact.email"))
                        .addProperty("message", new StringSchema().example("must be a well-formed email address")));
        openApi.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> describe(path, operation)));
    }

    /** A problem answer with its body; add headers to it as needed. */
    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static void describe(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("400", problem("Invalid input: a problem body whose errors name each bad field"));
            responses.putIfAbsent("413", problem("The request body is larger than 64 KB"));
        }
        String role = path.startsWith("/api/admin/")
                ? "ADMIN"
                : path.equals("/api/leads") || path.startsWith("/api/leads/") ? "SALES or ADMIN" : null;
        if (role != null) {
            responses.putIfAbsent("401", problem("Missing or invalid bearer token").addHeaderObject("WWW-Authenticate",
                    new Header().schema(new StringSchema()._enum(List.of("Bearer")))));
            responses.putIfAbsent("403", problem("The token lacks the role " + role));
        }
        if (path.contains("{id}")) {
            responses.putIfAbsent("404", problem("Not found"));
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

    /** What ProblemHandler, ProblemAuthenticationHandlers and IntakeLoadShedding write (RFC 9457). */
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
