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
    DISPUTE_UNKNOWN("The PSP withdrew (or gave back) money for a dispute, or a movement of it, that our books have "
            + "not recorded: the dispute's webhooks have not reached us yet, or its record was not booked.",
            "Find the dispute on the Disputes page. If it is not there, or shows no funds withdrawn (reinstated), the "
            + "PSP's webhooks are late: rerun the day once they arrive. If it shows them, replay the payment.results "
            + "record from reconciliation-service's dead letters. A second row of one movement is the PSP's: raise "
            + "it with them. Adjust no wallet by hand and do not refund the charge."),
    DISPUTE_AMOUNT_MISMATCH("Both sides have the dispute's withdrawal (or reinstatement), with another amount or "
            + "in another currency.", "Compare the dispute at the PSP with the Disputes page; raise a wrong PSP "
            + "amount with the PSP. Our wallet and ledger booked our amount: hand any correction to finance."),
    DISPUTE_FEE_MISMATCH("Same disputed amount, another dispute fee: taken (or given back) on one side only, or a "
            + "different one. Fees read as the PSP shows them: taken positive, given back negative.",
            "Check the PSP's dispute fee for the currency and whether it returns fees of won disputes; raise a wrong "
            + "fee with the PSP. Whoever bears the fee (dispute_fees or the seller) was charged our figure: hand the "
            + "difference to finance."),
    DISPUTE_MISSING_AT_PSP("We recorded a dispute's withdrawal (or reinstatement) that the PSP's rows of the day "
            + "(and the day before) do not have.", "Check the dispute at the PSP. If it booked the movement later, "
            + "rerunning the day clears it; if it never did, our books hold money that did not move: escalate."),
    DISPUTE_LEDGER_MISSING("A dispute's withdrawal (or reinstatement) older than the grace period has no ledger "
            + "entry.", "Replay the record from ledger-service's dead letters; the ledger posts it exactly once."),
    DISPUTE_WALLET_MISSING("A dispute's withdrawal (or reinstatement) older than the grace period has no wallet "
            + "movement.", "Replay the record from wallet-service's dead letters; the wallet moves it exactly once."),
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
