package dev.kassa.localstack;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which servers {@link LocalStack#shared()} runs: the embedded ones (an in-process broker and PostgreSQL binaries,
 * no Docker needed) or Testcontainers' {@code apache/kafka} and {@code postgres} containers. Set by the system
 * property {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT}: {@code embedded},
 * {@code containers} or {@code auto} (the default: containers where a Docker engine answers).
 *
 * @param mode   what runs
 * @param reason why, for the line printed when the stack starts
 */
public record StackChoice(Mode mode, String reason) {

    public static final String PROPERTY = "kassa.stack";
    public static final String ENVIRONMENT = "KASSA_STACK";

    public enum Mode { EMBEDDED, CONTAINERS }

    /** The choice for this JVM, from its system property or environment; asks Docker only for {@code auto}. */
    public static StackChoice fromEnvironment() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        return resolve(configured, DockerProbe::available);
    }

    /**
     * @param configured       {@code embedded}, {@code containers}, {@code auto}, or {@code null}/blank for auto
     * @param dockerAvailable  asked only when the choice depends on it
     * @throws IllegalArgumentException for any other value
     */
    public static StackChoice resolve(String configured, BooleanSupplier dockerAvailable) {
        String value = configured == null || configured.isBlank() ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> new StackChoice(Mode.EMBEDDED, PROPERTY + "=embedded");
            case "containers" -> new StackChoice(Mode.CONTAINERS, PROPERTY + "=containers");
            case "auto" -> dockerAvailable.getAsBoolean()
                    ? new StackChoice(Mode.CONTAINERS, PROPERTY + "=auto and a Docker engine answers")
                    : new StackChoice(Mode.EMBEDDED, PROPERTY + "=auto and no Docker engine answers");
            default -> throw new IllegalArgumentException(
                    PROPERTY + " must be embedded, containers or auto, not '" + configured + "'");
        };
    }
}
