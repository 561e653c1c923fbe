package dev.courseline.localstack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

import dev.courseline.localstack.LocalStack;

/**
 * Starts the stack once per JVM and sets the system properties services read: KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI,
 * SMTP_HOST, SMTP_PORT, JWT_ISSUER_URI, JWT_JWK_SET_URI. Also runs before instance construction, so PER_CLASS test
 * instances see them too. The stack is released with the root store at the end of the run (see {@link Release}).
 */
public final class LocalStackExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    /** The database MONGODB_URI points at in tests; each test makes its own ids, so one database is enough. */
    public static final String TEST_DATABASE = "courseline-test";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        ensureStarted(context);
    }

    private static void ensureStarted(ExtensionContext context) {
        Release release = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Release.class, key -> new Release(LocalStack.current()), Release.class);
        release.stack().serviceEnvironment(TEST_DATABASE).forEach(System::setProperty);
    }

    /**
     * Closes the stack when the root store closes, at the end of the run. Spring's test context cache keeps its
     * application contexts open until JVM exit, though, and they use the stack until then; with Spring on the
     * classpath the stack is therefore left to its JVM shutdown hook, which stops it after Spring's hooks are done.
     */
    record Release(LocalStack stack) implements AutoCloseable {

        private static final boolean SPRING_TEST_CONTEXTS = isPresent(
                "org.springframework.test.context.TestContextManager");

        @Override
        public void close() {
            if (!SPRING_TEST_CONTEXTS) {
                stack.close();
            }
        }

        private static boolean isPresent(String className) {
            try {
                Class.forName(className, false, Release.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }
}
