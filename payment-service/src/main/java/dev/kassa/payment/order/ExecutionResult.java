package dev.kassa.payment.order;

/**
 * The PSP's final answer to one attempt of an order: charged, or declined or failed with its code and message
 * (either may be null). {@code pspReference} is the intent's id; null when the PSP refused before creating one.
 */
public record ExecutionResult(String paymentOrderId, int attempt, boolean succeeded, String pspReference,
                              String failureCode, String failureMessage) {

    public static ExecutionResult succeeded(String paymentOrderId, int attempt, String pspReference) {
        return new ExecutionResult(paymentOrderId, attempt, true, pspReference, null, null);
    }

    public static ExecutionResult failed(String paymentOrderId, int attempt, String pspReference, String failureCode,
                                         String failureMessage) {
        return new ExecutionResult(paymentOrderId, attempt, false, pspReference, failureCode, failureMessage);
    }
}
