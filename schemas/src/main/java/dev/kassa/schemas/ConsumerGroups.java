package dev.kassa.schemas;

/**
 * Kafka consumer group ids, one per consuming service (docs/architecture.md §2). Retry and dead-letter topics belong
 * to a group.
 */
public final class ConsumerGroups {

    public static final String PAYMENT_SERVICE = "payment-service";
    public static final String WALLET_SERVICE = "wallet-service";
    public static final String LEDGER_SERVICE = "ledger-service";
    public static final String RECONCILIATION_SERVICE = "reconciliation-service";

    private ConsumerGroups() {
    }
}
