package dev.kassa.payment.psp;

import java.util.Map;

/**
 * The PSP's payment intent, reduced to what Kassa uses. For a declined charge the PSP answers 402 and
 * this carries the intent from the error with its decline code.
 *
 * @param status       {@code succeeded}, {@code processing}, {@code requires_payment_method} (declined), ...
 * @param declineCode  the PSP's reason for a decline (insufficient_funds, ...); null otherwise
 */
public record PaymentIntent(String id, String status, long amount, String currency, Map<String, String> metadata,
                            String declineCode, String failureMessage) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    /** A decline or a failed asynchronous charge: final, no retry. */
    public boolean failed() {
        return "requires_payment_method".equals(status) || "canceled".equals(status) || "failed".equals(status);
    }

    /** Still open at the PSP (e.g. {@code processing}): the result comes later by webhook. */
    public boolean pending() {
        return !succeeded() && !failed();
    }

    public String failureCode() {
        return declineCode != null ? declineCode : "payment_failed";
    }
}
