package dev.kassa.localstack;

import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit 5 extension behind {@link WithLocalStack}. */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final Set<Class<?>> RESOLVABLE = Set.of(LocalStack.class, KafkaBroker.class, PostgresServer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalStack.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RESOLVABLE.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        LocalStack stack = LocalStack.shared();
        if (type == KafkaBroker.class) {
            return stack.kafka();
        }
        if (type == PostgresServer.class) {
            return stack.postgres();
        }
        return stack;
    }
}
