package dev.kassa.localstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the JVM's shared {@link LocalStack} (started before the class's first test)
 * and lets test methods, constructors and lifecycle methods take {@link LocalStack}, {@link KafkaBroker} or
 * {@link PostgresServer} parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalStackExtension.class)
public @interface WithLocalStack {
}
