package dev.kassa.payment.psp;

/**
 * The PSP's refund.
 *
 * @param status {@code succeeded}, {@code pending} (result later by webhook) or {@code failed}
 */
public record PspRefund(String id, String status, long amount, String paymentIntent, String failureReason) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status) || "canceled".equals(status);
    }

    public boolean pending() {
        return !succeeded() && !failed();
    }
}
