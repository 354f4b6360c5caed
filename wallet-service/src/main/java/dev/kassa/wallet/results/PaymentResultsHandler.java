package dev.kassa.wallet.results;

import dev.kassa.messaging.consumer.EventHandler;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.AfterCommit;
import dev.kassa.wallet.movement.MovementRequest;
import dev.kassa.wallet.movement.WalletMovements;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
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
        movementOf(event).ifPresent(movements::apply);
    }

    /**
     * A batch of new events, in order: the same movements as {@link #handle} one by one, applied with one
     * statement (see {@code WalletMovements.applyAll}).
     */
    void handleAll(List<InboundEvent> events) {
        List<MovementRequest> requests = new ArrayList<>(events.size());
        for (InboundEvent event : events) {
            movementOf(event).ifPresent(requests::add);
        }
        movements.applyAll(requests);
    }

    private Optional<MovementRequest> movementOf(InboundEvent event) {
        Optional<MovementRequest> movement = PaymentResultTranslator.translate(event.record());
        if (movement.isEmpty()) {
            String type = event.record().getSchema().getName();
            log.debug("{} {} moves no money; acknowledged", type, event.eventId());
            AfterCommit.run(registry.counter("kassa.wallet.results.ignored", "type", type)::increment);
        }
        return movement;
    }
}
