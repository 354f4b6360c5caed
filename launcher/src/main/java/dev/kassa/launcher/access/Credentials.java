package dev.kassa.launcher.access;

/**
 * What the launcher's system is driven with: the operator key (every role) for operators' endpoints, and the demo
 * merchant's key for checkouts and the merchant's own reads, refunds and retries.
 */
public record Credentials(OperatorKey operator, MerchantKey merchant) {

    public Credentials {
        if (operator == null || merchant == null) {
            throw new IllegalArgumentException("both an operator key and a merchant key are needed");
        }
    }
}
