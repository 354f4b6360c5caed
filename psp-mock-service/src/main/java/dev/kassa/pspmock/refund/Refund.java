package dev.kassa.pspmock.refund;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /** How the API document marks a Stripe field psp-mock never fills. */
    static final String ALWAYS_NULL = "Always null in psp-mock";

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
    @Schema(name = "Refund", description = "Stripe's Refund: the fields stripe-java models, null where psp-mock has"
            + " nothing to say. Times are Unix seconds.")
    record View(@Schema(example = "re_3MtwBwLkdIwHu7ix0snN0B15") String id,
                @Schema(allowableValues = "refund") String object,
                @Schema(description = "Integer, in the currency's minor unit", example = "500") long amount,
                @Schema(nullable = true, description = ALWAYS_NULL + ": see `/v1/balance_transactions`")
                String balanceTransaction,
                @Schema(description = "The refunded charge (`ch_…`)") String charge, long created,
                @Schema(description = "ISO 4217, lower case", example = "eur") String currency,
                @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object destinationDetails,
                @Schema(nullable = true, description = ALWAYS_NULL) String failureBalanceTransaction,
                @Schema(nullable = true, description = "Why it failed (`expired_or_canceled_card`), once `failed`")
                String failureReason,
                @Schema(nullable = true, description = ALWAYS_NULL) String instructionsEmail,
                Map<String, String> metadata,
                @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object nextAction,
                String paymentIntent,
                @Schema(nullable = true, description = ALWAYS_NULL) String pendingReason,
                @Schema(nullable = true, allowableValues = {"duplicate", "fraudulent", "requested_by_customer"},
                        description = "As the merchant gave it") String reason,
                @Schema(nullable = true, description = ALWAYS_NULL) String receiptNumber,
                @Schema(nullable = true, description = ALWAYS_NULL) String sourceTransferReversal,
                @Schema(allowableValues = {SUCCEEDED, PENDING, FAILED}, description = "`pending` (test cards"
                        + " `tok_async`, `tok_refundFail`) until `psp.outcomes.async-delay` has passed")
                String status,
                @Schema(nullable = true, description = ALWAYS_NULL) String transferReversal) {
    }
}
