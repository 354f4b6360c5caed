package dev.kassa.messaging.support;

import static dev.kassa.messaging.support.TestTopics.*;

import dev.kassa.messaging.consumer.BatchEventHandler;
import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.EventHandler;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.testfixtures.TestEvents;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service as the library expects one: a DataSource, Kafka, declared consumers, and (from the library's
 * dependencies) Micrometer Tracing over OpenTelemetry.
 */
@SpringBootApplication
public class MessagingTestApplication {

    @Bean
    ScriptedHandlers scriptedHandlers(DataSource dataSource) {
        return new ScriptedHandlers(new JdbcTemplate(dataSource));
    }

    @Bean
    EventConsumer inboxConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(INBOX, INBOX_GROUP, handlers.forConsumer(INBOX_GROUP));
    }

    @Bean
    EventConsumer retryConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(RETRY, RETRY_GROUP, handlers.forConsumer(RETRY_GROUP));
    }

    @Bean
    EventConsumer batchConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(BATCH, BATCH_GROUP, handlers.forConsumer(BATCH_GROUP)).inBatches();
    }

    @Bean
    EventConsumer batchHandlerConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(BATCH_HANDLER, BATCH_HANDLER_GROUP, handlers.forConsumer(BATCH_HANDLER_GROUP))
                .inBatches(handlers.forBatches(BATCH_HANDLER_GROUP));
    }

    @Bean
    EventConsumer poisonConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(POISON, POISON_GROUP, handlers.forConsumer(POISON_GROUP));
    }

    @Bean
    EventConsumer replayConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(REPLAY, REPLAY_GROUP, handlers.forConsumer(REPLAY_GROUP));
    }

    @Bean
    EventConsumer alphaConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(SHARED, ALPHA_GROUP, handlers.forConsumer(ALPHA_GROUP));
    }

    @Bean
    EventConsumer betaConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(SHARED, BETA_GROUP, handlers.forConsumer(BETA_GROUP));
    }

    @Bean
    EventConsumer concurrentConsumer(ScriptedHandlers handlers) {
        return EventConsumer.concurrent(CONCURRENT, CONCURRENT_GROUP, handlers.forConcurrentPolls(CONCURRENT_GROUP));
    }

    /**
     * A batch consumer that publishes as wallet-service and ledger-service do: for each event, one event from
     * inside its own handler ({@code payment.results}, checkout id = the consumed event's id) and, after the
     * whole batch, one that names it as {@code source_event_id} ({@code wallet.events}).
     */
    @Bean
    EventConsumer tracedConsumer(ScriptedHandlers handlers, Outbox outbox) {
        EventHandler scripted = handlers.forConsumer(TRACED_GROUP);
        EventHandler publishing = event -> {
            scripted.handle(event);
            outbox.publish(Topics.PAYMENT_RESULTS, event.key(), PaymentOrderSucceeded.newBuilder(
                    TestEvents.paymentSucceeded(event.key(), "seller_1", 100, "USD")).setCheckoutId(event.eventId()).build());
        };
        BatchEventHandler eachOnItsOwn = BatchEventHandler.oneByOne(TRACED_GROUP, publishing);
        EventHandler single = event -> {
            publishing.handle(event);
            outbox.publish(Topics.WALLET_EVENTS, event.key(), credited(event));
        };
        return EventConsumer.of(TRACED, TRACED_GROUP, single).inBatches(events -> {
            handlers.recordBatch(TRACED_GROUP, events.size());
            eachOnItsOwn.handle(events);
            for (InboundEvent event : events) {
                outbox.publish(Topics.WALLET_EVENTS, event.key(), credited(event));
            }
        });
    }

    private static WalletCredited credited(InboundEvent source) {
        return WalletCredited.newBuilder()
                .setEventId("")
                .setOccurredAt(Instant.now())
                .setPaymentOrderId(source.key())
                .setCheckoutId("chk")
                .setSellerAccount("seller_1")
                .setAmountMinor(100)
                .setCurrency("USD")
                .setMovementId(UUID.randomUUID().toString())
                .setSourceEventId(source.eventId())
                .setBalanceAfterMinor(100)
                .build();
    }

    @Bean
    EventConsumer pairedConsumerA(ScriptedHandlers handlers) {
        return EventConsumer.of(PAIRED_A, PAIRED_GROUP, handlers.forConsumer(PAIRED_A_HANDLER))
                .inBatches(handlers.forBatches(PAIRED_A_HANDLER));
    }

    @Bean
    EventConsumer pairedConsumerB(ScriptedHandlers handlers) {
        return EventConsumer.of(PAIRED_B, PAIRED_GROUP, handlers.forConsumer(PAIRED_B_HANDLER))
                .inBatches(handlers.forBatches(PAIRED_B_HANDLER));
    }

    @Bean
    EventConsumer defaultsConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(DEFAULTS, DEFAULTS_GROUP, handlers.forConsumer(DEFAULTS_GROUP));
    }
}
