package dev.kassa.web.security;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a service that uses one of the repository's well-known local test secrets outside the
 * {@code local} profile. Those secrets are in this public repository, so outside a developer's machine they
 * protect nothing; a deployment that forgot to set its own must fail loudly, not run open.
 */
public final class LocalSecretsGuard implements EnvironmentPostProcessor, Ordered {

    public static final String LOCAL_PROFILE = "local";
    /** The tests' fixed operator keys (test-fixtures' application-testkeys.yml). */
    public static final String TEST_KEYS_PROFILE = "testkeys";

    /** Property → the value it has in local runs (application-local.yml and the test profiles). */
    static final Map<String, String> LOCAL_SECRETS = Map.of(
            "spring.datasource.password", "kassa",
            // every local database role's (application-local.yml, docker-compose's defaults)
            "spring.liquibase.password", "kassa",
            // every local Kafka principal's (docker-compose's defaults)
            "kassa.kafka.password", "kassa",
            "kassa.psp.api-key", "sk_test_kassa",
            "kassa.psp.webhook-secrets", "whsec_test_kassa",
            "kassa.reconciliation.psp.api-key", "sk_test_kassa",
            "psp.auth.secret-key", "sk_test_kassa",
            "psp.webhooks.secrets", "whsec_test_kassa");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_PROFILE)) {
            return;
        }
        LOCAL_SECRETS.forEach((property, localValue) -> {
            String value = valueOrNull(environment, property);
            if (value != null && Arrays.stream(value.split(",")).map(String::strip).anyMatch(localValue::equals)) {
                throw new IllegalStateException(property + " is the repository's public local test secret, which "
                        + "only the '" + LOCAL_PROFILE + "' profile may use; set your own (environment variable "
                        + environmentName(property) + ") or run with SPRING_PROFILES_ACTIVE=" + LOCAL_PROFILE);
            }
        });
        if (Arrays.asList(environment.getActiveProfiles()).contains(TEST_KEYS_PROFILE)) {
            throw new IllegalStateException("the '" + TEST_KEYS_PROFILE + "' profile's operator keys are public test "
                    + "keys; they work only together with the '" + LOCAL_PROFILE + "' profile");
        }
    }

    /**
     * An unresolvable placeholder ({@code ${SPRING_LIQUIBASE_PASSWORD}} with the variable unset) is not the local
     * secret; the binding that needs the value reports it. Throwing here would hide the check of the properties after
     * it, which {@link #LOCAL_SECRETS}' iteration order decides.
     */
    private static String valueOrNull(ConfigurableEnvironment environment, String property) {
        try {
            return environment.getProperty(property);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    private static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** After the configuration files are read, so that their values and profiles are seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
