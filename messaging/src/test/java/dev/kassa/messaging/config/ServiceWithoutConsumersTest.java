package dev.kassa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.consumer.ConsumerAutoConfiguration;
import dev.kassa.messaging.consumer.EventConsumerRegistrar;
import dev.kassa.messaging.health.KafkaHealthAutoConfiguration;
import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.messaging.outbox.OutboxAutoConfiguration;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TopicReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A service that only publishes (no EventConsumer, no web layer) starts, creates the topics and relays. */
class ServiceWithoutConsumersTest {

    @Test
    void aPublishOnlyServiceCreatesTheMainTopicsAndRelaysItsEvents() {
        LocalStack stack = LocalStack.shared();
        String database = stack.freshDatabase("publish_only");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                        MessagingAutoConfiguration.class, KafkaHealthAutoConfiguration.class,
                        OutboxAutoConfiguration.class, ConsumerAutoConfiguration.class))
                .withPropertyValues(
                        "spring.liquibase.change-log=classpath:db/changelog/test-master.yaml",
                        "spring.liquibase.parameters.runtime-role=" + stack.roles(database).runtime().username(),
                        "kassa.messaging.outbox.poll-interval=200ms")
                .withPropertyValues(LocalStackSpring.databaseProperties(database).entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue()).toArray(String[]::new))
                .withPropertyValues(LocalStackSpring.superUserKafkaProperties().entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue()).toArray(String[]::new))
                // A context runner runs no EnvironmentPostProcessor: the login KassaKafkaDefaults gives a service.
                .withPropertyValues(KassaKafkaDefaults.authentication().entrySet().stream()
                        .map(property -> property.getKey() + "=" + property.getValue()).toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EventConsumerRegistrar.class)
                            .hasBean("kafkaHealthIndicator");
                    Outbox outbox = context.getBean(Outbox.class);
                    TransactionTemplate transactions = new TransactionTemplate(
                            context.getBean(DataSourceTransactionManager.class));
                    String eventId = transactions.execute(status -> outbox.publish(Topics.PAYMENT_PSP_REQUESTS,
                            "po-publish-only", TestEvents.executionRequested("po-publish-only", "seller_1", 2999, "USD")));

                    await().atMost(Duration.ofSeconds(30)).until(() ->
                            new TopicReader(stack.kafka().superUserClientProperties()).readAll(Topics.PAYMENT_PSP_REQUESTS).stream()
                                    .anyMatch(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))));
                });
    }
}
