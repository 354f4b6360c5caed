package dev.kassa.pspmock.refund;

import java.time.Instant;
import java.util.Map;
import dev.kassa.pspmock.api.Metadata;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A refund as stored; {@code status} is {@code succeeded}, {@code pending} or {@code failed}. No version: it is
 * inserted once and then only resolved by a guarded UPDATE ({@link Refunds#resolve}).
 *
 * @param resolveAt a pending refund reaches {@code resolvesTo} then; else null
 */
@Table("refund")
record Refund(@Id String id, String paymentIntentId, long amount, String currency, String status, String failureReason,
              Metadata metadata, Instant createdAt, Instant resolveAt, String resolvesTo) {

    static final String SUCCEEDED = "succeeded";
    static final String PENDING = "pending";
    static final String FAILED = "failed";

    Refund pendingUntil(Instant resolveAt, String resolvesTo) {
        return new Refund(id, paymentIntentId, amount, currency, PENDING, null, metadata, createdAt, resolveAt,
                resolvesTo);
    }

    Refund resolvedAs(String finalStatus, String reason) {
        return new Refund(id, paymentIntentId, amount, currency, finalStatus, reason, metadata, createdAt, null, null);
    }

    View view() {
        return new View(id, "refund", amount, currency, status, paymentIntentId, failureReason, metadata.entries(),
                createdAt.getEpochSecond());
    }

    record View(String id, String object, long amount, String currency, String status, String paymentIntent,
                String failureReason, Map<String, String> metadata, long created) {
    }
}
