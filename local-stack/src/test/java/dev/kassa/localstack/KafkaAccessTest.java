package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The shared stack's broker denies by default (docs/architecture.md §11): no client without a password, and each
 * service principal only what {@code KafkaAccess} grants it.
 */
class KafkaAccessTest {

    private final LocalStack stack = LocalStack.shared();
    private final KafkaBroker kafka = stack.kafka();

    @Test
    void anAnonymousClientCannotReadMetadataProduceOrConsume() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(withTimeouts(anonymous))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
        try (KafkaProducer<String, String> producer = KafkaBrokerTest.producer(anonymous, 2_000)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, "k", "forged")).get())
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(anonymous, "anonymous")) {
            assertThatThrownBy(() -> consumer.partitionsFor(Topics.PAYMENT_RESULTS, Duration.ofSeconds(2)))
                    .isInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        KafkaCredentials impostor = KafkaCredentials.random(ConsumerGroups.WALLET_SERVICE);
        try (KafkaProducer<String, String> producer = KafkaBrokerTest.producer(kafka.clientProperties(impostor), 5_000)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.WALLET_EVENTS, "k", "v")).get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aServiceProducesToItsOwnTopicsOnly() throws Exception {
        Map<String, Object> wallet = as(ConsumerGroups.WALLET_SERVICE);
        try (KafkaProducer<String, String> producer = KafkaBrokerTest.producer(wallet, 10_000)) {
            producer.send(new ProducerRecord<>(Topics.WALLET_EVENTS, "k", "v")).get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, "k", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(
                    Topics.retryTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE, 0), "k", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> producer = KafkaBrokerTest.producer(as(ConsumerGroups.PAYMENT_SERVICE), 10_000)) {
            producer.send(new ProducerRecord<>(Topics.PAYMENT_RESULTS, "k", "v")).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServiceConsumesOnlyItsTopicsThroughItsOwnGroups() {
        Map<String, Object> wallet = as(ConsumerGroups.WALLET_SERVICE);
        try (KafkaConsumer<String, String> consumer = consumer(wallet, ConsumerGroups.WALLET_SERVICE + "-access-test")) {
            consumer.subscribe(List.of(Topics.PAYMENT_PSP_REQUESTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(wallet, ConsumerGroups.LEDGER_SERVICE)) {
            consumer.subscribe(List.of(Topics.PAYMENT_RESULTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aServiceCannotCreateOrDeleteAnotherServicesTopics() {
        try (Admin admin = Admin.create(withTimeouts(as(ConsumerGroups.WALLET_SERVICE)))) {
            assertThatThrownBy(() -> admin.deleteTopics(List.of(Topics.PAYMENT_RESULTS)).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("payment.forged", 1, (short) 1)))
                    .all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> admin.deleteTopics(List.of(Topics.WALLET_EVENTS)).all().get(10, TimeUnit.SECONDS))
                    .as("not even its own: only the operator deletes topics")
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(kafka.secured()).isTrue();
    }

    private Map<String, Object> as(String principal) {
        return kafka.clientProperties(stack.kafkaPrincipals().of(principal).orElseThrow());
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> connection, String group) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaConsumer<>(config);
    }
}
