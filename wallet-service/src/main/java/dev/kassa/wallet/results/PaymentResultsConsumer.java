package dev.kassa.wallet.results;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the consumption of {@code payment.results} as group {@code wallet-service}: the messaging
 * module creates its retry topics ({@code payment.results.wallet-service.retry-<n>}) and dead-letter topic
 * and runs the handler with the inbox. Backoff and threads come from {@code kassa.messaging.consumer.*}
 * and {@code kassa.messaging.consumers.wallet-service.backoff}.
 *
 * <p>In batches: the handler only writes to this service's database, so a whole poll commits in one
 * transaction, and its movements are applied with one statement (each balance moves once per batch). That
 * is what lets one instance apply thousands of events per second. A batch that fails is applied again
 * event by event, so only the failing event takes the retry path.
 */
@Configuration(proxyBeanMethods = false)
class PaymentResultsConsumer {

    @Bean
    EventConsumer walletPaymentResults(PaymentResultsHandler handler) {
        return EventConsumer.of(Topics.PAYMENT_RESULTS, ConsumerGroups.WALLET_SERVICE, handler)
                .inBatches(handler::handleAll);
    }
}
