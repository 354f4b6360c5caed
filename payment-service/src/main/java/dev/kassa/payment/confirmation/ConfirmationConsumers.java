package dev.kassa.payment.confirmation;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes {@code wallet.events} and {@code ledger.events} as group {@code payment-service}, in batches: the
 * handlers only write to this service's database, so the inbox rows and flags of a whole poll commit in one
 * transaction, with a few set-based statements (see {@link Confirmations}). A batch that fails rolls back
 * and is applied again one event per transaction, so only the failing event takes the retry path; the retry
 * topics hand over one event at a time, through the same code.
 *
 * <p>The two are consumed alike, so the messaging library gives them one container (and one for their retry
 * topics): one poll holds both topics' confirmations, and both are keyed by payment order on equally many
 * partitions, so an order's wallet and ledger confirmations reach the same consumer thread and, read together,
 * update its row in one transaction instead of two that wait on each other's row lock. Should a batch still
 * deadlock with another transaction, PostgreSQL aborts it and the library applies its events one per transaction.
 */
@Configuration(proxyBeanMethods = false)
class ConfirmationConsumers {

    @Bean
    EventConsumer walletEvents(Confirmations confirmations) {
        return EventConsumer.of(Topics.WALLET_EVENTS, ConsumerGroups.PAYMENT_SERVICE,
                        event -> confirmations.walletEvents(List.of(event)))
                .inBatches(confirmations::walletEvents);
    }

    @Bean
    EventConsumer ledgerEvents(Confirmations confirmations) {
        return EventConsumer.of(Topics.LEDGER_EVENTS, ConsumerGroups.PAYMENT_SERVICE,
                        event -> confirmations.ledgerEvents(List.of(event)))
                .inBatches(confirmations::ledgerEvents);
    }
}
