package dev.courseline.e2e.browser;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/** See {@link WithBrowser}. The browser lives in the class's store, which closes it after the class. */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Browser.missing().isPresent()) {
            return;
        }
        boolean javascript = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithBrowser.class)
                .map(WithBrowser::javascript).orElse(true);
        context.getStore(NAMESPACE).computeIfAbsent(Browser.class, key -> Browser.start(javascript), Browser.class);
    }

    /** Skips each test, so the reports count and name them, before any of the class's own set-up runs. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<String> missing = Browser.missing();
        Assumptions.assumeTrue(missing.isEmpty(), missing::get);
        browser(context).freshContext();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    /** Leaves the page a failing test stopped on in target/screenshots, named after the test. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        try {
            Path file = browser.screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
            System.err.println("Browser at " + browser.driver().getCurrentUrl() + " when the test failed: " + file);
        } catch (RuntimeException e) {
            System.err.println("No screenshot of the failed test: " + e);
        }
    }

    private static Browser browser(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null) {
            throw new IllegalStateException("no browser: the class is not annotated @WithBrowser");
        }
        return browser;
    }
}
