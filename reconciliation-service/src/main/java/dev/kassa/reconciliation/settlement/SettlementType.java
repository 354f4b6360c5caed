package dev.kassa.reconciliation.settlement;

/**
 * The kind of a staged row, stored in {@code settlement_row.type} as Stripe's {@code reporting_category} of the
 * balance transaction: {@code charge}, {@code refund}, and a dispute's money, which Stripe lists as
 * {@code type: adjustment} with reporting category {@code dispute} (the disputed amount and the dispute fee
 * withdrawn) or {@code dispute_reversal} (a won dispute's amount reinstated).
 */
enum SettlementType {
    CHARGE("charge"),
    REFUND("refund"),
    DISPUTE("dispute"),
    DISPUTE_REVERSAL("dispute_reversal");

    /** Stripe's {@code type} of a dispute's withdrawal and reversal. */
    static final String ADJUSTMENT = "adjustment";

    private final String code;

    SettlementType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A dispute's withdrawal or reversal. */
    public boolean isDispute() {
        return this == DISPUTE || this == DISPUTE_REVERSAL;
    }

    /**
     * The kind of a balance transaction from its Stripe {@code type} and {@code reporting_category}, or null when it
     * is none of them (another adjustment, a {@code payment}, a {@code refund_failure}, …).
     */
    public static SettlementType of(String stripeType, String reportingCategory) {
        if (CHARGE.code.equals(stripeType)) {
            return CHARGE;
        }
        if (REFUND.code.equals(stripeType)) {
            return REFUND;
        }
        if (ADJUSTMENT.equals(stripeType)) {
            if (DISPUTE.code.equals(reportingCategory)) {
                return DISPUTE;
            }
            if (DISPUTE_REVERSAL.code.equals(reportingCategory)) {
                return DISPUTE_REVERSAL;
            }
        }
        return null;
    }
}
