package dev.kassa.ledger.posting;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.account.Side;
import dev.kassa.ledger.journal.JournalLine;
import dev.kassa.ledger.journal.NewJournalEntry;
import java.util.List;
import java.util.UUID;

/**
 * The postings of docs/architecture.md §7. A succeeded payment: the PSP now owes us the money (DR psp_receivable) and we owe it
 * to the seller (CR seller_payable:&lt;seller&gt;). A succeeded refund reverses that for the refunded amount.
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
        };
        return new NewJournalEntry(entryId, request.paymentOrderId(), request.kind(), request.refundId(),
                request.checkoutId(), request.sellerId(), request.eventId(), request.occurredAt(), lines,
                request.merchantId());
    }
}
