package dev.kassa.wallet.movement;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.schemas.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

    private final MovementWriter writer;
    private final Outbox outbox;
    private final MovementMetrics metrics;
    private final Clock clock;

    WalletMovements(MovementWriter writer, Outbox outbox, MovementMetrics metrics) {
        this.writer = writer;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /**
     * Applies the movement unless its source event already has one.
     *
     * <p>Exactly once: the consumer's inbox skips an event it has handled, and the unique source event id
     * behind it refuses a second movement even if an event ever reached this method twice (see
     * {@link MovementWriter}).
     *
     * @return the applied movement, or empty when the event had already been applied
     */
    @Transactional
    public Optional<AppliedMovement> apply(MovementRequest request) {
        UUID movementId = UUID.randomUUID();
        OptionalLong balanceAfter = writer.apply(movementId, request);
        if (balanceAfter.isEmpty()) {
            return alreadyApplied(request);
        }
        return Optional.of(applied(new AppliedMovement(movementId, request, balanceAfter.getAsLong())));
    }

    /**
     * {@link #apply} for each request, in order, with one statement for all of them: what a batch of
     * {@code payment.results} costs.
     *
     * @return the applied movements, in request order
     */
    @Transactional
    public List<AppliedMovement> applyAll(List<MovementRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<UUID> movementIds = requests.stream().map(r -> UUID.randomUUID()).toList();
        Map<String, Long> balanceAfter = writer.applyAll(movementIds, requests);
        List<AppliedMovement> applied = new ArrayList<>(balanceAfter.size());
        for (int i = 0; i < requests.size(); i++) {
            MovementRequest request = requests.get(i);
            Long balance = balanceAfter.get(request.sourceEventId());
            if (balance == null) {
                alreadyApplied(request);
            } else {
                applied.add(applied(new AppliedMovement(movementIds.get(i), request, balance)));
            }
        }
        return applied;
    }

    private Optional<AppliedMovement> alreadyApplied(MovementRequest request) {
        log.info("Event {} already moved money for {} {}; nothing to do", request.sourceEventId(),
                request.accountId(), request.currency());
        metrics.duplicate();
        return Optional.empty();
    }

    private AppliedMovement applied(AppliedMovement movement) {
        MovementRequest request = movement.request();
        UUID movementId = movement.movementId();
        outbox.publish(Topics.WALLET_EVENTS, request.paymentOrderId(), WalletEvents.of(movement, clock.instant()));
        metrics.applied(movement);
        if (movement.balanceAfterMinor() < 0) {
            log.warn("{} {} minor {} for {} of payment order {} left account {} at {} minor (below zero)",
                    request.kind(), request.amountMinor(), request.currency(),
                    request.disputeId() != null ? "dispute " + request.disputeId() : "refund " + request.refundId(),
                    request.paymentOrderId(), request.accountId(), movement.balanceAfterMinor());
        } else {
            // The movement table is the audit trail; this line is for following one payment at DEBUG.
            log.debug("{} {} minor {} on account {}: balance {} minor (movement {})", request.kind(),
                    request.amountMinor(), request.currency(), request.accountId(), movement.balanceAfterMinor(),
                    movementId);
        }
        return movement;
    }
}
