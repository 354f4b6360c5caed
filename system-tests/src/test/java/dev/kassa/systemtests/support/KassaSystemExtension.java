package dev.kassa.systemtests.support;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Starts the whole system once per test JVM (five service JVMs are the main cost of this module) and keeps
 * it in the root store, which closes it when the run ends; hands it to tests as {@link Kassa}; checks the
 * {@link AfterEachInvariants} after every test; and makes every failure name the services' log files.
 */
final class KassaSystemExtension implements BeforeAllCallback, ParameterResolver, AfterEachCallback,
        TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KassaSystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context).kassa(); // fail the class at once if the system is not up
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Kassa.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return started(context).kassa();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return; // the test has failed already (with the logs named); its leftovers would only add noise
        }
        Kassa kassa = started(context).kassa();
        try {
            new AfterEachInvariants(kassa).awaitAllHold();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("After " + context.getDisplayName() + ": " + e.getMessage() + logs(kassa), e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TestAbortedException) {
            throw failure;
        }
        throw new AssertionError(failure.getMessage() + logs(started(context).kassa()), failure);
    }

    private static String logs(Kassa kassa) {
        StringBuilder text = new StringBuilder("\nService logs:");
        for (Map.Entry<String, String> log : kassa.logFiles().entrySet()) {
            text.append("\n  ").append(log.getKey()).append(": ").append(log.getValue());
        }
        return text.toString();
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, key -> Started.start(), Started.class);
    }

    /** The shared system, or why it did not start (remembered, so later classes fail fast instead of retrying). */
    private static final class Started implements AutoCloseable {

        private final SharedSystem system;
        private final Kassa kassa;
        private final RuntimeException failure;

        private Started(SharedSystem system, RuntimeException failure) {
            this.system = system;
            this.kassa = system == null ? null : new Kassa(system.system());
            this.failure = failure;
        }

        static Started start() {
            try {
                return new Started(SharedSystem.start(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        Kassa kassa() {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            return kassa;
        }

        @Override
        public void close() {
            if (system != null) {
                system.close();
            }
        }
    }
}
