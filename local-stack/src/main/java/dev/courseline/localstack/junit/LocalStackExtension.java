package dev.courseline.localstack.junit;

import dev.courseline.localstack.LocalStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * Starts the stack once per JVM (it is closed with the root store at the end of the run) and sets the system
 * properties services read: KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI, SMTP_HOST, SMTP_PORT, JWT_ISSUER_URI,
 * JWT_JWK_SET_URI. Also runs before instance construction, so PER_CLASS test instances see them too.
 */
public final class LocalStackExtension implements BeforeAllCallback, TestInstancePreConstructCallback {

    /** The database MONGODB_URI points at in tests; each test makes its own ids, so one database is enough. */
    public static final String TEST_DATABASE = "courseline-test";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        ensureStarted(context);
    }

    private static void ensureStarted(ExtensionContext context) {
        LocalStack stack = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, key -> LocalStack.current(), LocalStack.class);
        stack.serviceEnvironment(TEST_DATABASE).forEach(System::setProperty);
    }
}
