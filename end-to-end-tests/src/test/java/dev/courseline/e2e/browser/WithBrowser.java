package dev.courseline.e2e.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One headless Chromium for the test class, a fresh context (no cookies) for each test, handed to test and lifecycle
 * methods as a {@link Browser} parameter. When Chromium or its driver is not installed, each test is skipped with a
 * message saying so, before the class's {@code @BeforeEach} methods run; so launch costly things there, not in
 * {@code @BeforeAll}. Put it before other class extensions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserExtension.class)
public @interface WithBrowser {

    /** False for a visitor whose browser blocks JavaScript (Chrome's content setting, as a managed policy sets it). */
    boolean javascript() default true;
}
