package dev.kassa.pspmock.refund;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A refund as stored; {@code status} is {@code succeeded}, {@code pending} or {@code failed}. No version: it is
 * inserted once and then only resolved by a guarded UPDATE ({@link Refunds#resolve}).
 *
 * @param reason    why the merchant refunded (Stripe's {@code reason}), or null
 * @param resolveAt a pending refund reaches {@code resolvesTo} then; else null
 */
@Table("refund")
record Refund(@Id String id, String paymentIntentId, long amount, String currency, String status, String failureReason,
              Metadata metadata, Instant createdAt, Instant resolveAt, String resolvesTo, String reason) {

    static final String SUCCEEDED = "succeeded";
    static final String PENDING = "pending";
    static final String FAILED = "failed";

    Refund pendingUntil(Instant resolveAt, String resolvesTo) {
        return new Refund(id, paymentIntentId, amount, currency, PENDING, null, metadata, createdAt, resolveAt,
                resolvesTo, reason);
    }

    Refund resolvedAs(String finalStatus, String failure) {
        return new Refund(id, paymentIntentId, amount, currency, finalStatus, failure, metadata, createdAt, null, null,
                reason);
    }

    View view() {
        return new View(id, "refund", amount, null, Ids.chargeOf(paymentIntentId), createdAt.getEpochSecond(),
                currency.toLowerCase(Locale.ROOT), null, null, failureReason, null, metadata.entries(), null,
                paymentIntentId, null, reason, null, null, status, null);
    }

    /**
     * Stripe's Refund fields (snake_case), null where psp-mock has nothing to say. {@code balance_transaction} is null:
     * the balance transactions are listed on their own ({@code /v1/balance_transactions}).
     */
    record View(String id, String object, long amount, String balanceTransaction, String charge, long created,
                String currency, Object destinationDetails, String failureBalanceTransaction, String failureReason,
                String instructionsEmail, Map<String, String> metadata, Object nextAction, String paymentIntent,
                String pendingReason, String reason, String receiptNumber, String sourceTransferReversal,
                String status, String transferReversal) {
    }
}
