package dev.kassa.ledger.posting;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes payment.results as group ledger-service through the messaging library: inbox, retry topics
 * ({@code kassa.messaging.consumers.ledger-service.backoff}) and dead-letter topic come with it.
 *
 * <p>In batches: posting only writes to the ledger database, so the entries, lines, balances, inbox and
 * outbox rows of a whole poll commit in one transaction, and {@link PaymentResultsBatchHandler} posts each run
 * of succeeded payments with one statement. A batch that fails is applied again event by event with
 * {@link PaymentResultsHandler}, which also serves the retry topics, so only the failing event takes the
 * retry path.
 */
@Configuration(proxyBeanMethods = false)
class PaymentResultsConsumerConfiguration {

    @Bean
    EventConsumer paymentResultsConsumer(PaymentResultsHandler handler, PaymentResultsBatchHandler batchHandler) {
        return EventConsumer.of(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE, handler::handle)
                .inBatches(batchHandler);
    }
}
