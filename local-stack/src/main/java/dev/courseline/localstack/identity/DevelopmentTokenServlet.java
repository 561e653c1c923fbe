package dev.courseline.localstack.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /token} with the form {@code username=<user>} and no password answers
 * {@code {"access_token":"…","token_type":"Bearer","expires_in":3600}}: the local stack's shortcut for scripts,
 * tests and benchmarks. It exists on the local stack only; everything with a browser signs in properly.
 */
final class DevelopmentTokenServlet extends HttpServlet {

    private final transient DevelopmentTokens tokens;
    private final transient JsonMapper json = JsonMapper.builder().build();

    DevelopmentTokenServlet(DevelopmentTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, Map.of("error", "use POST with username=<user>"));
            return;
        }
        Optional<StaffUser> user = Optional.ofNullable(request.getParameter("username")).map(String::trim)
                .flatMap(StaffUsers::find);
        if (user.isEmpty()) {
            send(response, HttpServletResponse.SC_BAD_REQUEST, Map.of("error", "invalid_request",
                    "error_description", "username must be one of " + StaffUsers.usernames()));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.tokenFor(user.get()));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", DevelopmentTokens.LIFETIME.toSeconds());
        send(response, HttpServletResponse.SC_OK, answer);
    }

    private void send(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
