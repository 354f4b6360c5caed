package dev.kassa.wallet.results;

import dev.kassa.messaging.consumer.EventHandler;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.wallet.movement.MovementRequest;
import dev.kassa.wallet.movement.WalletMovements;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one {@code payment.results} event for group {@code wallet-service}. The messaging module runs
 * it in one transaction with the inbox row; the payment order id is in the MDC of every log line.
 * Succeeded payments credit, succeeded refunds debit, failures are acknowledged and ignored.
 */
@Component
class PaymentResultsHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentResultsHandler.class);

    private final WalletMovements movements;
    private final MeterRegistry registry;

    PaymentResultsHandler(WalletMovements movements, MeterRegistry registry) {
        this.movements = movements;
        this.registry = registry;
    }

    @Override
    public void handle(InboundEvent event) {
        Optional<MovementRequest> movement = PaymentResultTranslator.translate(event.record());
        if (movement.isEmpty()) {
            String type = event.record().getSchema().getName();
            log.debug("{} {} moves no money; acknowledged", type, event.eventId());
            registry.counter("kassa.wallet.results.ignored", "type", type).increment();
            return;
        }
        movements.apply(movement.get());
    }
}
