package dev.kassa.messaging.config;

import dev.kassa.schemas.serde.KassaAvroDeserializer;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Kassa's Kafka conventions as lowest-precedence defaults, so that no service repeats them and any
 * service can still override one: string keys, Kassa Avro values (undecodable values become a
 * {@code DeserializationException} instead of a poison pill), durable sends, no topic auto-creation,
 * consumers that stay quiet while there is nothing to read and commit their offsets once a second, trace
 * propagation through Kafka headers, and RFC 9457 problem details for HTTP errors.
 */
public class KassaKafkaDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "kassaMessagingDefaults";

    static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        d.put("spring.kafka.producer.value-serializer", KassaAvroSerializer.class.getName());
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        d.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        d.put("spring.kafka.consumer.properties." + ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                KassaAvroDeserializer.class.getName());
        // A new group reads what was published before it first started: no event is skipped.
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.properties.allow.auto.create.topics", "false");
        // How long the broker holds a fetch that finds nothing. Records still come at once (a fetch returns as
        // soon as one byte is there), but every idle consumer - a service has one per main-topic thread and two
        // per group for its retry topics - fetches 0.2 instead of 2 times a second (Kafka's 500 ms). The price: a
        // partition resumed after a retry back-off, or sought back after a failure, is fetched once the consumer's
        // fetch in flight returns, so a retry may come up to this much after its delay.
        d.put("spring.kafka.consumer.fetch-max-wait", "5s");
        // spring-kafka's own default, pinned: a consumer whose partitions are all paused (retry back-off) still
        // blocks this long in each poll instead of spinning.
        d.put("spring.kafka.listener.poll-timeout", "5s");
        // A consumer the broker refuses (a missing ACL, a wrong password) keeps trying instead of stopping for good,
        // and says so in the kafka health component (KafkaAccessDenials) until it is let in.
        d.put("spring.kafka.listener.auth-exception-retry-interval", "10s");
        // A consumer that dies without leaving its group (kill -9, a lost host) keeps its partitions until the
        // broker has missed its heartbeats this long: 10 s instead of Kafka's 45 s, so another instance takes its
        // work over sooner. Heartbeats come from the consumer's own thread, whatever a batch takes.
        d.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        d.put("spring.kafka.consumer.heartbeat-interval", "3s");
        // Offsets are committed at most once a second per consumer (and whenever its partitions are revoked or it
        // stops), not after every poll: at low rates a poll holds one record, so that was a synchronous round trip to
        // the broker per record and consumer, 8 of the broker's 20 requests per payment at 5 checkouts/s. A consumer
        // killed without stopping has up to its last second delivered again, which the inbox and the executor's
        // guarded state make harmless (docs/architecture.md §4).
        d.put("spring.kafka.listener.ack-mode", "time");
        d.put("spring.kafka.listener.ack-time", "1s");
        d.put("spring.kafka.template.observation-enabled", "true");
        d.put("spring.kafka.listener.observation-enabled", "true");
        return d;
    }

    /**
     * Every client (producers, consumers, admin) logs in as the service's principal with SASL/SCRAM-SHA-512:
     * {@code kassa.kafka.username} and {@code kassa.kafka.password}, the password from the environment
     * ({@code KASSA_KAFKA_PASSWORD}) or a config tree, never from a file in the repository (docs/architecture.md
     * §11). Placeholders, resolved when Kafka's settings are bound, so that properties added later (a test's dynamic
     * properties) count. A broker without authentication (a plain test container) takes
     * {@code kassa.kafka.security-protocol=PLAINTEXT}.
     */
    static Map<String, Object> authentication() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.kafka.security.protocol", "${kassa.kafka.security-protocol:SASL_PLAINTEXT}");
        d.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
        d.put("spring.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"${kassa.kafka.username:}\" password=\"${kassa.kafka.password:}\";");
        return d;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            Map<String, Object> defaults = defaults();
            defaults.putAll(authentication());
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
        }
    }
}
