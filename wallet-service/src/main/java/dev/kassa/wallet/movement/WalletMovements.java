package dev.kassa.wallet.movement;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.schemas.Topics;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one money movement: the balance change, the movement row and the {@code wallet.events} outbox
 * row in ONE transaction (the consumer's, which also holds its inbox row). Either all of it commits or
 * none of it does.
 */
@Service
public class WalletMovements {

    private static final Logger log = LoggerFactory.getLogger(WalletMovements.class);

    private final BalanceStore balances;
    private final MovementStore movements;
    private final Outbox outbox;
    private final MovementMetrics metrics;
    private final Clock clock;

    WalletMovements(BalanceStore balances, MovementStore movements, Outbox outbox, MovementMetrics metrics) {
        this.balances = balances;
        this.movements = movements;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /**
     * Applies the movement unless its source event already has one.
     *
     * <p>Exactly once: the consumer's inbox skips an event it has handled, and the unique source event id
     * behind it refuses a second movement even if an event ever reached this method twice. The existence
     * check makes the normal duplicate a quiet no-op; in the rare race of two transactions applying the
     * same event at once, the second one fails on the unique key and rolls back its balance change.
     *
     * @return the applied movement, or empty when the event had already been applied
     */
    @Transactional
    public Optional<AppliedMovement> apply(MovementRequest request) {
        if (movements.existsForSourceEvent(request.sourceEventId())) {
            log.info("Event {} already moved money for {} {}; nothing to do", request.sourceEventId(),
                    request.accountId(), request.currency());
            metrics.duplicate();
            return Optional.empty();
        }
        long balanceAfter = balances.add(request.accountId(), request.currency(), request.signedAmountMinor());
        AppliedMovement movement = new AppliedMovement(UUID.randomUUID(), request, balanceAfter);
        movements.insert(movement.movementId(), request, balanceAfter);
        outbox.publish(Topics.WALLET_EVENTS, request.paymentOrderId(), WalletEvents.of(movement, clock.instant()));
        metrics.applied(movement);
        if (balanceAfter < 0) {
            log.warn("{} {} minor of {} for refund {} left account {} at {} minor (below zero)", request.kind(),
                    request.amountMinor(), request.currency(), request.refundId(), request.accountId(), balanceAfter);
        } else {
            log.info("{} {} minor of {} to account {}: balance {} minor (movement {})", request.kind(),
                    request.amountMinor(), request.currency(), request.accountId(), balanceAfter,
                    movement.movementId());
        }
        return Optional.of(movement);
    }
}
