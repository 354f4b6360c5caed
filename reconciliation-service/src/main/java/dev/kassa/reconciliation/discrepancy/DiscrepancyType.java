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
     * The PSP withdrew (or, for a won dispute, reinstated) money for a dispute the platform does not know: every
     * dispute withdrawal and reversal while the platform books no disputes.
     */
    DISPUTE_UNKNOWN
}
