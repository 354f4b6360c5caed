package dev.kassa.localstack;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kafka SASL/SCRAM-SHA-512 principal and its password, and the client properties that authenticate as it. Passwords
 * made here are random and letters and digits only, so they need no quoting in a JAAS line.
 */
public record KafkaCredentials(String username, String password) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public KafkaCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!SAFE.matcher(username).matches() || !SAFE.matcher(password).matches()) {
            throw new IllegalArgumentException("Kafka user names and passwords here are letters, digits, '.', '_', '-'");
        }
    }

    /** A principal with a new random password (32 characters, about 190 bits). */
    public static KafkaCredentials random(String username) {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new KafkaCredentials(username, password.toString());
    }

    /** The JAAS line a client (or the broker itself) logs in with. */
    public String scramJaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** Client properties (producer, consumer, admin) that reach {@code bootstrapServers} as this principal. */
    public Map<String, Object> clientProperties(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", KafkaBrokerSettings.CLIENT_MECHANISM);
        properties.put("sasl.jaas.config", scramJaasConfig());
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + username + ", password=...]";
    }
}
