package dev.kassa.wallet.api;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One credit or debit of a wallet, never changed once written (by MovementWriter, in the batch that moves the
 * balance). {@code seq} orders an account's movements; {@code kind} stays text so the API does not depend on
 * the movement feature.
 */
@Table("wallet_movement")
record Movement(
        @Id UUID movementId,
        long seq,
        String accountId,
        String currency,
        String kind,
        long amountMinor,
        long balanceAfterMinor,
        String sourceEventId,
        String paymentOrderId,
        String checkoutId,
        String refundId,
        String disputeId,
        Instant occurredAt,
        Instant recordedAt) {
}
