package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Records which LocalStack instances the test classes of this JVM were given. */
final class SharedStackProbe {

    private static final Set<LocalStack> SEEN = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private SharedStackProbe() {
    }

    static void assertOnlyOneInstance(LocalStack stack, KafkaBroker kafka, PostgresServer postgres) {
        assertThat(kafka).isSameAs(stack.kafka());
        assertThat(postgres).isSameAs(stack.postgres());
        assertThat(stack).isSameAs(LocalStack.shared());
        SEEN.add(stack);
        assertThat(SEEN).hasSize(1);
    }
}
