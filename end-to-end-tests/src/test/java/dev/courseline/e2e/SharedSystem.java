package dev.courseline.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.courseline.localstack.LocalStack;

/**
 * One launched system (website and services) shared by the browser test classes of a run, handed to their methods as
 * a {@link CourselineSystem} or {@link Mailbox} parameter; the root store closes it at the end of the run. Launching
 * the four jars costs far more than any journey, and every journey makes its own names, so sharing is safe.
 */
final class SharedSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CourselineSystem.class || type == Mailbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Mailbox.class) {
            return new Mailbox(LocalStack.current().inboxUrl());
        }
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(CourselineSystem.class,
                key -> CourselineSystem.launch(LocalStack.current()), CourselineSystem.class);
    }
}
