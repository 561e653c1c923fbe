package dev.courseline.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

/**
 * The harness itself, on two small pages of its own: JavaScript really is off in that mode, while the page checks
 * still run; a known accessibility fault and a page too wide for a phone are caught, and both widths are saved.
 */
@WithBrowser(javascript = false)
class BrowserHarnessIT {

    private static final String HEAD = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Harness</title></head>";
    private static final Map<String, String> PAGES = Map.of(
            "/good", HEAD + "<body><main id=\"main\"><h1>A plain page</h1><p id=\"script\">not run</p>"
                    + "<script src=\"/script.js\"></script></main></body></html>",
            "/script.js", "document.getElementById('script').textContent = 'ran';",
            "/wide.css", ".wide { width: 600px; }",
            "/bad", HEAD + "<body><link rel=\"stylesheet\" href=\"/wide.css\"><main id=\"main\"><h1>A faulty page</h1>"
                    + "<img src=\"/nothing.png\"><div class=\"wide\">wider than a phone</div></main></body></html>");

    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String type = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "text/html";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void withJavaScriptOffThePagesOwnScriptDoesNotRunButThePageIsStillCheckedAtBothWidths(Browser browser)
            throws IOException {
        browser.open(url("/good"), "harness-good");

        assertThat(browser.javascript()).isFalse();
        assertThat(browser.driver().findElement(By.id("script")).getText()).isEqualTo("not run");
        assertThat(pngWidth(Screenshots.directory().resolve("harness-good-1280.png"))).isEqualTo(1280);
        assertThat(pngWidth(Screenshots.directory().resolve("harness-good-360.png"))).isEqualTo(360);
    }

    @Test
    void aSeriousAccessibilityFaultAndSidewaysScrollingOnAPhoneFailTheCheckWithAReadableList(Browser browser) {
        browser.driver().get(url("/bad"));

        assertThatThrownBy(() -> browser.check("harness-bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical): Images must have alternative text")
                .hasMessageContaining("[\"img\"]")
                .hasMessageContaining("At 360 px the page scrolls sideways");
    }

    private static String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private static int pngWidth(Path png) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(png.toFile(), "r")) {
            file.seek(16);
            return file.readInt();
        }
    }
}
