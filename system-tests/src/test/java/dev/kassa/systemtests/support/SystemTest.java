package dev.kassa.systemtests.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the one shared Kassa system of this JVM (started on first use, stopped at
 * the end of the run), receives it as a {@link Kassa} parameter, and has the system's invariants checked
 * after each of its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KassaSystemExtension.class)
public @interface SystemTest {
}
