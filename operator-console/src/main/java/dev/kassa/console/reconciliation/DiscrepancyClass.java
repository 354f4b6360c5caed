package dev.kassa.console.reconciliation;

import java.util.Arrays;

/**
 * What each class of reconciliation discrepancy means and what to do about it, in short (reconciliation-service's
 * README has the full table this follows).
 */
enum DiscrepancyClass {
    MISSING_IN_PLATFORM("The PSP charged or refunded and we have no such payment order or refund: money moved that we "
            + "don't know about.", "Look the intent up at the PSP. A lost result of ours: let the janitor or a retry "
            + "book it. A duplicate or unknown charge: refund it at the PSP. Never credit a seller by hand."),
    MISSING_AT_PSP("We recorded a success the PSP's file does not have.", "Check the intent at the PSP. If it never "
            + "succeeded, reverse it in the platform; if the PSP books it later, rerunning the day clears it."),
    AMOUNT_MISMATCH("Both sides have it, with different amounts.", "Compare with the PSP's dashboard; raise it with "
            + "the PSP, or correct our side with a compensating refund."),
    CURRENCY_MISMATCH("Both sides have it, in different currencies.", "Usually an integration bug in how the "
            + "currency was sent: escalate."),
    STATUS_MISMATCH("We say it failed, the PSP says it charged (or refunded).", "Book the success (retry the order) "
            + "or refund the customer at the PSP."),
    LEDGER_MISSING("A success older than the grace period has no ledger entry.", "Replay the record from "
            + "ledger-service's dead letters; the ledger posts it exactly once."),
    WALLET_MISSING("A success older than the grace period has no wallet movement.", "Replay the record from "
            + "wallet-service's dead letters."),
    WALLET_LEDGER_MISMATCH("A seller's wallet balance differs from its seller_payable ledger balance.", "Compare the "
            + "seller's wallet movements with its ledger entries (Books); the ledger is the book of record."),
    DISPUTE_UNKNOWN("The PSP withdrew (or gave back) money for a dispute our books do not record: wallets and the "
            + "ledger do not book chargebacks yet.", "Find the dispute on the Disputes page and answer it in time "
            + "(evidence, or accept it). Until chargebacks are booked, the seller's wallet and the ledger still count "
            + "the money as paid: hand the finding to finance (holding the seller's payouts is theirs to decide), "
            + "adjust no wallet by hand, and do not refund the charge. A reinstatement means the dispute was won. Keep "
            + "this finding as the record: nothing clears it until disputes are booked."),
    UNKNOWN("A class this console does not know yet.", "See reconciliation-service's README.");

    private final String meaning;
    private final String action;

    DiscrepancyClass(String meaning, String action) {
        this.meaning = meaning;
        this.action = action;
    }

    public String meaning() {
        return meaning;
    }

    public String action() {
        return action;
    }

    static DiscrepancyClass of(Object type) {
        return Arrays.stream(values()).filter(value -> value.name().equals(String.valueOf(type))).findFirst()
                .orElse(UNKNOWN);
    }
}
