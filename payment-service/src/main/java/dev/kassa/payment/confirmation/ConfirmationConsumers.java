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
 * <p>Two listeners, one per topic, as the messaging library consumes one topic per listener. They confirm
 * the same orders at about the same time, so a batch of one may wait for the other's commit on a shared order
 * row; with batches that is one short wait per poll instead of one per event, and rows are locked in a
 * stable order, so the two never deadlock.
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
