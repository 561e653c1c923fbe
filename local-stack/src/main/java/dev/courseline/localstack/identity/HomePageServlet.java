package dev.courseline.localstack.identity;

import static dev.courseline.localstack.support.SmallHttpServer.escapeHtml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /}: what this identity provider is, its users, and how to get a token. Anything else is not here. */
final class HomePageServlet extends HttpServlet {

    private final String issuer;

    HomePageServlet(String issuer) {
        this.issuer = issuer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/".equals(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Courseline identity provider</title><style>body{font-family:system-ui,sans-serif;margin:2rem}"
                + "td,th{text-align:left;padding:.3rem .6rem}code,pre{background:#f6f6f6}</style></head><body>"
                + "<h1>Courseline development identity provider</h1><p>Issuer <code>")
                .append(escapeHtml(issuer))
                .append("</code> (<a href=\"/.well-known/openid-configuration\">discovery</a>, ")
                .append("<a href=\"/.well-known/jwks.json\">keys</a>). Local development only.</p>")
                .append("<p>Staff sign in through the website with one of these users; the password is <code>")
                .append(escapeHtml(StaffUsers.PASSWORD)).append("</code> for each.</p>")
                .append("<table><tr><th>user</th><th>name</th><th>roles</th><th>team</th></tr>");
        for (StaffUser user : StaffUsers.ALL) {
            html.append("<tr><td><code>").append(escapeHtml(user.username())).append("</code></td><td>")
                    .append(escapeHtml(user.name())).append("</td><td>")
                    .append(escapeHtml(String.join(", ", user.roles()))).append("</td><td>")
                    .append(escapeHtml(Objects.requireNonNullElse(user.team(), ""))).append("</td></tr>");
        }
        html.append("</table><p>A token for scripts, without a password (this stack only):</p><pre>curl -s -X POST ")
                .append(escapeHtml(issuer)).append("/token -d username=sam</pre>")
                .append("<p>then send <code>Authorization: Bearer &lt;access_token&gt;</code>.</p></body></html>");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
