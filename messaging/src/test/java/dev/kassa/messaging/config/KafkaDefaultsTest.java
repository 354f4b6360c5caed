package dev.kassa.messaging.config;

import static dev.kassa.messaging.support.TestTopics.INBOX;
import static dev.kassa.messaging.support.TestTopics.INBOX_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.consumer.ConsumerAutoConfiguration;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** A service's own Boot Kafka beans speak Kassa's serde without any spring.kafka.* settings of its own. */
class KafkaDefaultsTest extends SpringMessagingTest {

    @Autowired
    KafkaTemplate<Object, Object> bootTemplate;
    @Autowired
    ConsumerFactory<?, ?> bootConsumerFactory;
    @Autowired
    @Qualifier(ConsumerAutoConfiguration.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<?, ?> declaredConsumersFactory;

    @Test
    void bootsOwnTemplateWritesKassaAvroThatDeclaredConsumersRead() throws Exception {
        PaymentOrderSucceeded event = event("po-boot-template");
        String eventId = UUID.randomUUID().toString();
        event.setEventId(eventId);

        bootTemplate.send(INBOX, "po-boot-template", event).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> handlers.effects(INBOX_GROUP, eventId) == 1);
    }

    @Test
    void bootsConsumerFactoryDecodesKassaAvroBehindTheErrorHandlingDeserializer() {
        var config = bootConsumerFactory.getConfigurationProperties();
        // Boot hands classes over either as Class or as name.
        assertThat(config.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG))
                .isIn(ErrorHandlingDeserializer.class, ErrorHandlingDeserializer.class.getName());
        assertThat(config.get(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS))
                .isIn(KassaAvroDeserializer.class, KassaAvroDeserializer.class.getName());
        assertThat(config.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
        // The library's default is 5 s (KassaKafkaDefaultsTest); a service's own setting wins, as the tests' 2 s does.
        assertThat(config.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).isEqualTo(2000);
        // A dead instance's partitions move to the others after 10 s, not Kafka's 45 s.
        assertThat(config.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
        assertThat(config.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo(3000);
    }

    @Test
    void declaredConsumersCommitTheirOffsetsOnceASecondNotAfterEveryPoll() {
        // The library's default (KassaKafkaDefaults) reaches the containers through Boot's listener settings.
        var container = declaredConsumersFactory.getContainerProperties();
        assertThat(container.getAckMode()).isEqualTo(AckMode.TIME);
        assertThat(container.getAckTime()).isEqualTo(1000L);
    }
}
