package dev.kassa.messaging.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer of values that are already bytes: the outbox relay, retry and dead-letter publishing,
 * and replay. Durable and ordered: acks=all with the idempotent producer, so a failed send never lets a
 * later record of the same partition overtake it. Deliberately not a {@code KafkaTemplate} bean, so it
 * never competes with the service's own template for injection.
 */
public final class RawKafkaSender implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> producerFactory;
    private final KafkaTemplate<String, Object> template;

    /**
     * @param base        client settings to start from (bootstrap servers, security, spring.kafka.producer.*)
     * @param sendTimeout how long a send may take before it counts as failed
     */
    public RawKafkaSender(Map<String, Object> base, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(base);
        long deliveryMs = Math.max(2_000, sendTimeout.toMillis());
        long lingerMs = 5;
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs);
        // A whole relay batch (500 x ~300 B) fits one producer batch per partition: one request, one round trip.
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, (deliveryMs - lingerMs) / 2));
        // Without metadata (broker down) send() blocks; bound it so a batch fails instead of hanging.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(10_000, deliveryMs));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "kassa-raw-" + config.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, "producer"));
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        this.producerFactory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new RawValueSerializer());
        this.template = new KafkaTemplate<>(producerFactory);
    }

    public KafkaTemplate<String, Object> template() {
        return template;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
