package dev.courseline.localstack.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.apache.tomcat.util.modeler.Registry;
import org.springframework.util.FileSystemUtils;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;

/**
 * A Tomcat on one address and port with a single web application, set up by {@code setup} through the Servlet API.
 * It writes nothing outside a temporary directory, keeps no sessions across restarts and logs warnings only.
 */
final class EmbeddedTomcat implements AutoCloseable {

    /** Held strongly: java.util.logging forgets the level of a logger that nothing references. */
    private static final List<Logger> TOMCAT_LOGGERS = warningsOnly("org.apache.catalina", "org.apache.coyote",
            "org.apache.tomcat");

    private final String address;
    private final int port;
    private final Path baseDirectory;
    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector("HTTP/1.1");

    EmbeddedTomcat(String address, int port, String sessionCookieName, Consumer<ServletContext> setup) {
        this.address = address;
        this.port = port;
        this.baseDirectory = temporaryDirectory();
        // Tomcat's JMX beans cost start-up time and nothing here reads them.
        Registry.disableRegistry();
        tomcat.setBaseDir(baseDirectory.toString());
        connector.setPort(port);
        connector.setProperty("address", address);
        connector.setProperty("maxThreads", "8");
        connector.setProperty("minSpareThreads", "1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        ErrorReportValve errorPages = new ErrorReportValve();
        errorPages.setShowServerInfo(false);
        errorPages.setShowReport(false);
        tomcat.getHost().getPipeline().addValve(errorPages);

        StandardContext context = (StandardContext) tomcat.addContext("", baseDirectory.toString());
        // The servlets and filter come from this JVM's class loader, so Tomcat's leak checks at stop have nothing to find.
        context.setClearReferencesRmiTargets(false);
        context.setClearReferencesThreadLocals(false);
        StandardManager sessions = new StandardManager();
        sessions.setPathname(null);
        context.setManager(sessions);
        Rfc6265CookieProcessor cookies = new Rfc6265CookieProcessor();
        cookies.setSameSiteCookies("lax");
        context.setCookieProcessor(cookies);
        context.addServletContainerInitializer((classes, servletContext) -> {
            servletContext.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
            // Cookies ignore ports: the website on localhost:8080 must not share this server's session cookie.
            servletContext.getSessionCookieConfig().setName(sessionCookieName);
            servletContext.getSessionCookieConfig().setHttpOnly(true);
            setup.accept(servletContext);
        }, null);
    }

    void start() {
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            close();
            throw new IllegalStateException("could not start the identity provider on " + address + ":" + port, e);
        }
        if (connector.getState() != LifecycleState.STARTED) {
            close();
            throw new IllegalStateException("could not listen on " + address + ":" + port + " (in use?)");
        }
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("local-stack: stopping the identity provider's Tomcat failed: " + e.getMessage());
        } finally {
            try {
                FileSystemUtils.deleteRecursively(baseDirectory);
            } catch (IOException e) {
                System.err.println("local-stack: could not delete " + baseDirectory + ": " + e.getMessage());
            }
        }
    }

    private static List<Logger> warningsOnly(String... names) {
        List<Logger> loggers = Stream.of(names).map(Logger::getLogger).toList();
        loggers.forEach(logger -> logger.setLevel(Level.WARNING));
        return loggers;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("courseline-identity-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
