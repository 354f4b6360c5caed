package dev.kassa.payment.audit;

/** The changes payment-service records, each with the type of object it changes. */
public enum AuditAction {

    CHECKOUT_CREATED("checkout"),
    REFUND_REQUESTED("refund"),
    RETRY_REQUESTED("payment_order"),
    MERCHANT_CREATED("merchant"),
    KEY_CREATED("merchant_api_key"),
    KEY_REVOKED("merchant_api_key"),
    RISK_BLOCK_ADDED("risk_block"),
    RISK_BLOCK_LIFTED("risk_block"),
    DISPUTE_EVIDENCE_SUBMITTED("dispute"),
    DISPUTE_ACCEPTED("dispute");

    private final String targetType;

    AuditAction(String targetType) {
        this.targetType = targetType;
    }

    public String targetType() {
        return targetType;
    }
}
