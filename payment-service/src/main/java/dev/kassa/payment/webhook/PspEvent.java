package dev.kassa.payment.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A verified PSP event, Stripe's {@code {id, object: "event", type, created, data: {object}, ...}}, reduced to the
 * fields Kassa reads of its object (a payment intent, a refund or a dispute). The raw bytes are kept as received: they become
 * text only for an event that matches nothing of ours, which is stored with its payload for operators.
 *
 * @param id     the PSP's event id (deduplication key)
 * @param type   e.g. {@code payment_intent.succeeded}, {@code refund.failed}
 * @param object what {@code data.object} says
 * @param raw    the signed body
 */
record PspEvent(String id, String type, PspObject object, byte[] raw) {

    public String rawJson() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /**
     * {@code data.object}: the fields of a payment intent, a refund and a dispute that Kassa uses; absent ones are null
     * ({@code amount}: 0). Scalars are kept as text, as the PSP may send numbers where strings are expected;
     * {@code currency} upper case (ISO 4217, as Kassa keeps it; Stripe sends it lower case).
     *
     * @param paymentOrderId {@code metadata.payment_order_id}, echoed from the intent's creation
     * @param attempt        {@code metadata.attempt}, echoed likewise
     * @param refundId       {@code metadata.refund_id}, echoed from the refund's creation
     * @param paymentIntent  a refund's intent
     * @param failureReason  a refund's failure reason
     * @param declineCode    {@code last_payment_error.decline_code}, else its {@code code}
     * @param failureMessage {@code last_payment_error.message}
     * @param reason         a dispute's reason ({@code fraudulent}, ...)
     * @param dueBy          a dispute's {@code evidence_details.due_by} (Unix seconds)
     * @param balanceTransactions a dispute's {@code balance_transactions}: the money it moved; empty for others
     */
    public record PspObject(String id, String status, long amount, String currency, String paymentOrderId,
                            String attempt, String refundId, String paymentIntent, String failureReason,
                            String declineCode, String failureMessage, String reason, String dueBy,
                            List<BalanceTransaction> balanceTransactions) {
    }

    /**
     * One element of a dispute's {@code balance_transactions}: Stripe's {@code amount} and {@code fee} in minor units
     * (0 when absent or unreadable) and its {@code reporting_category} ({@code dispute}, {@code dispute_reversal}).
     */
    public record BalanceTransaction(long amount, long fee, String reportingCategory) {
    }
}
