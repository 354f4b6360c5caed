package dev.kassa.ledger.posting;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.account.Side;
import dev.kassa.ledger.journal.JournalLine;
import dev.kassa.ledger.journal.NewJournalEntry;
import dev.kassa.ledger.journal.PostedEntry;
import dev.kassa.schemas.event.DisputeFeeBearer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The postings of docs/architecture.md §7 and §15. A succeeded payment: the PSP now owes us the money
 * (DR psp_receivable) and we owe it to the seller (CR seller_payable:&lt;seller&gt;). A succeeded refund reverses that
 * for the refunded amount. A dispute's withdrawn funds: the PSP took the disputed amount A and its fee F back
 * (CR psp_receivable A+F), the seller owes A back (DR seller_payable A), and the fee's bearer pays F (DR dispute_fees,
 * the platform's expense, or DR seller_payable). Reinstated funds mirror that for what the PSP gave back.
 */
final class PostingRules {

    private PostingRules() {
    }

    static NewJournalEntry entryFor(PostingRequest request, UUID entryId) {
        AccountId sellerPayable = AccountId.sellerPayable(request.sellerId());
        List<JournalLine> lines = switch (request.kind()) {
            case PAYMENT -> List.of(
                    new JournalLine(AccountId.PSP_RECEIVABLE, Side.DEBIT, request.amountMinor(), request.currency()),
                    new JournalLine(sellerPayable, Side.CREDIT, request.amountMinor(), request.currency()));
            case REFUND -> List.of(
                    new JournalLine(sellerPayable, Side.DEBIT, request.amountMinor(), request.currency()),
                    new JournalLine(AccountId.PSP_RECEIVABLE, Side.CREDIT, request.amountMinor(), request.currency()));
            case DISPUTE_FUNDS_WITHDRAWN -> disputeLines(request, sellerPayable, Side.DEBIT, Side.CREDIT);
            case DISPUTE_FUNDS_REINSTATED -> disputeLines(request, sellerPayable, Side.CREDIT, Side.DEBIT);
        };
        return new NewJournalEntry(entryId, request.paymentOrderId(), request.kind(), request.refundId(),
                request.disputeId(), request.checkoutId(), request.sellerId(), request.eventId(), request.occurredAt(),
                lines, request.merchantId());
    }

    /**
     * A dispute entry's lines, in an order {@link #fundsOf} reads back: 1. the amount on seller_payable, 2. amount +
     * fee on psp_receivable, 3. the fee on its bearer's account, only when there is a fee. Fee lines apart from the
     * amount's (also when the seller bears it) keep amount, fee and bearer readable from the entry; a reinstatement
     * reverses its withdrawal line by line.
     */
    private static List<JournalLine> disputeLines(PostingRequest request, AccountId sellerPayable, Side sellerSide,
            Side pspSide) {
        String currency = request.currency();
        List<JournalLine> lines = new ArrayList<>(3);
        lines.add(new JournalLine(sellerPayable, sellerSide, request.amountMinor(), currency));
        lines.add(new JournalLine(AccountId.PSP_RECEIVABLE, pspSide,
                Math.addExact(request.amountMinor(), request.feeMinor()), currency));
        if (request.feeMinor() > 0) {
            AccountId bearer = request.feeBearer() == DisputeFeeBearer.SELLER ? sellerPayable : AccountId.DISPUTE_FEES;
            lines.add(new JournalLine(bearer, sellerSide, request.feeMinor(), currency));
        }
        return lines;
    }

    /** What a posted dispute entry (laid out by {@link #disputeLines}) booked. */
    static DisputeFunds fundsOf(PostedEntry entry) {
        JournalLine amount = entry.lines().getFirst();
        if (entry.lines().size() < 3) {
            return new DisputeFunds(entry.paymentOrderId(), entry.sellerId(), amount.currency(), amount.amountMinor(),
                    0, null);
        }
        JournalLine fee = entry.lines().get(2);
        DisputeFeeBearer bearer = fee.account().equals(AccountId.DISPUTE_FEES)
                ? DisputeFeeBearer.PLATFORM : DisputeFeeBearer.SELLER;
        return new DisputeFunds(entry.paymentOrderId(), entry.sellerId(), amount.currency(), amount.amountMinor(),
                fee.amountMinor(), bearer);
    }
}
