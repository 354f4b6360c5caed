package dev.kassa.payment.confirmation;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes {@code wallet.events} and {@code ledger.events} as group {@code payment-service}. */
@Configuration(proxyBeanMethods = false)
public class ConfirmationConsumers {

    @Bean
    EventConsumer walletEvents(Confirmations confirmations) {
        return EventConsumer.of(Topics.WALLET_EVENTS, ConsumerGroups.PAYMENT_SERVICE, event -> {
            switch (event.record()) {
                case WalletCredited credited -> confirmations.walletCredited(credited);
                case WalletDebited debited -> confirmations.walletDebited(debited);
                default -> throw new InvalidEventException("wallet.events does not carry "
                        + event.record().getSchema().getFullName());
            }
        });
    }

    @Bean
    EventConsumer ledgerEvents(Confirmations confirmations) {
        return EventConsumer.of(Topics.LEDGER_EVENTS, ConsumerGroups.PAYMENT_SERVICE,
                event -> confirmations.ledgerRecorded(event.recordAs(LedgerTransactionRecorded.class)));
    }
}
