package dev.courseline.localstack.identity;

import static dev.courseline.localstack.support.SmallHttpServer.escapeHtml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.security.web.csrf.CsrfToken;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /login}: the sign-in form staff see, labelled and styled like the console, with the users of this
 * development stack named on it. Spring Security's form login takes the POST.
 */
final class LoginPageServlet extends HttpServlet {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
            + "margin:0;background:#f4f6f8;color:#1d2731}header{background:#22313f;color:#fff;padding:1rem 1.5rem;"
            + "font-weight:700;font-size:1.2rem}main{max-width:26rem;margin:2.5rem auto;padding:0 1rem}"
            + "form{background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:1.5rem}"
            + "label{display:block;font-weight:600;margin:1rem 0 .3rem}input{box-sizing:border-box;width:100%;"
            + "font:inherit;padding:.55rem;border:2px solid #4a5560;border-radius:4px}"
            + "input:focus,button:focus{outline:3px solid #ffbf47;outline-offset:0}"
            + "button{margin-top:1.5rem;font:inherit;font-weight:700;color:#fff;background:#0b4f8a;border:2px solid"
            + " #0b4f8a;border-radius:4px;padding:.6rem 1.2rem;cursor:pointer}"
            + ".error{border-left:5px solid #b00020;padding:.5rem 1rem;background:#fdecee;margin-bottom:1rem}"
            + ".note{color:#4a5560;font-size:.95rem;margin-top:1.5rem}code{background:#eef1f4;padding:0 .2rem}";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Sign in | Courseline staff</title><style>").append(STYLE)
                .append("</style></head><body><header>Courseline <span style=\"font-weight:400\">staff</span></header>"
                        + "<main><h1>Sign in</h1>");
        if (request.getParameter("error") != null) {
            html.append("<div class=\"error\" role=\"alert\"><p>Invalid credentials: check the user name and the"
                    + " password.</p></div>");
        }
        if (request.getParameter("logout") != null) {
            html.append("<p role=\"status\">You are signed out.</p>");
        }
        html.append("<form method=\"post\" action=\"/login\"><label for=\"username\">User name</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>");
        if (csrf != null) {
            html.append("<input type=\"hidden\" name=\"").append(escapeHtml(csrf.getParameterName()))
                    .append("\" value=\"").append(escapeHtml(csrf.getToken())).append("\">");
        }
        html.append("<button type=\"submit\">Sign in</button></form><p class=\"note\">Development identity provider."
                + " Users: ");
        for (int i = 0; i < StaffUsers.ALL.size(); i++) {
            StaffUser user = StaffUsers.ALL.get(i);
            html.append(i == 0 ? "" : ", ").append("<code>").append(escapeHtml(user.username())).append("</code> (")
                    .append(escapeHtml(String.join(", ", user.roles()))).append(")");
        }
        html.append("; the password is <code>").append(escapeHtml(StaffUsers.PASSWORD))
                .append("</code> for each.</p></main></body></html>");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
