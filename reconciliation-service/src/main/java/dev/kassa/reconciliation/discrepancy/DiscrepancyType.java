package dev.kassa.reconciliation.discrepancy;

/** Every difference a reconciliation reports. The service's README says what an operator does about each. */
public enum DiscrepancyType {
    /** The PSP charged or refunded and the platform has no such success: money moved that we don't know about. */
    MISSING_IN_PLATFORM,
    /** The platform recorded a success that the PSP's file does not have. */
    MISSING_AT_PSP,
    /** Both sides have it, with different amounts. */
    AMOUNT_MISMATCH,
    /** Both sides have it, in different currencies. */
    CURRENCY_MISMATCH,
    /** The platform says failed, the PSP says charged (or refunded). */
    STATUS_MISMATCH,
    /** A succeeded payment or refund older than the grace period without its ledger entry. */
    LEDGER_MISSING,
    /** A succeeded payment or refund older than the grace period without its wallet movement. */
    WALLET_MISSING,
    /** A seller's wallet balance differs from the balance of its seller_payable ledger account. */
    WALLET_LEDGER_MISMATCH,
    /**
     * The PSP withdrew (or, for a won dispute, reinstated) money for a dispute the platform does not know, or a
     * movement of it the platform has not recorded (or a second row of one movement).
     */
    DISPUTE_UNKNOWN,
    /** Both sides have the dispute's withdrawal (or reinstatement), with another amount or in another currency. */
    DISPUTE_AMOUNT_MISMATCH,
    /** Same amount, another dispute fee: taken or given back on one side only, or a different one. */
    DISPUTE_FEE_MISMATCH,
    /** The platform recorded a dispute's withdrawal (or reinstatement) that the PSP's rows do not have. */
    DISPUTE_MISSING_AT_PSP,
    /** A dispute's withdrawal or reinstatement older than the grace period without its ledger entry. */
    DISPUTE_LEDGER_MISSING,
    /** A dispute's withdrawal or reinstatement older than the grace period without its wallet movement. */
    DISPUTE_WALLET_MISSING
}
