package dev.courseline.notification.template;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Renders an email's plain-text and HTML bodies from {@code templates/email/<name>.txt.mustache} and
 * {@code <name>.html.mustache}. The HTML compiler escapes every value, so text a user typed is shown, never
 * interpreted; the text compiler does not, because plain text has nothing to escape.
 */
@Component
public class EmailTemplates {

    private static final String FOLDER = "templates/email/";

    private final Mustache.Compiler htmlCompiler;
    private final Mustache.Compiler textCompiler;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    public EmailTemplates() {
        Mustache.TemplateLoader loader = name -> reader(FOLDER + name + ".mustache");
        this.htmlCompiler = Mustache.compiler().escapeHTML(true).defaultValue("").withLoader(loader);
        this.textCompiler = Mustache.compiler().escapeHTML(false).defaultValue("").withLoader(loader);
    }

    public RenderedBody render(String name, Object model) {
        return new RenderedBody(
                template(name + ".txt", textCompiler).execute(model),
                template(name + ".html", htmlCompiler).execute(model));
    }

    private Template template(String name, Mustache.Compiler compiler) {
        return cache.computeIfAbsent(name, key -> {
            try (Reader reader = reader(FOLDER + key + ".mustache")) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read email template " + key, e);
            }
        });
    }

    private static Reader reader(String path) throws IOException {
        return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    }

    public record RenderedBody(String text, String html) {
    }
}
