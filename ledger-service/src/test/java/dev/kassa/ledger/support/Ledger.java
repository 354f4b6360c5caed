package dev.kassa.ledger.support;

import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.ledger.posting.PostingRequest;
import dev.kassa.ledger.posting.PostingService;
import dev.kassa.testfixtures.TestEvents;

/** Posts payments, refunds and disputes straight through the posting service, for tests about reading the ledger. */
public class Ledger {

    private final PostingService postings;

    public Ledger(PostingService postings) {
        this.postings = postings;
    }

    public PaymentOrderSucceeded payment(String paymentOrderId, String seller, long amountMinor, String currency) {
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(paymentOrderId, seller, amountMinor, currency);
        postings.post(PostingRequest.of(payment));
        return payment;
    }

    /** A payment of {@code merchantId}'s checkout: the event names the seller's merchant (schema v2). */
    public void merchantPayment(String merchantId, String paymentOrderId, String seller, long amountMinor,
                                String currency) {
        postings.post(PostingRequest.of(PaymentOrderSucceeded.newBuilder(
                TestEvents.paymentSucceeded(paymentOrderId, seller, amountMinor, currency)).setMerchantId(merchantId).build()));
    }

    public void refund(String paymentOrderId, String refundId, String seller, long amountMinor, String currency) {
        postings.post(PostingRequest.of(
                TestEvents.refundSucceeded(paymentOrderId, refundId, seller, amountMinor, currency)));
    }

    /** The PSP withdraws the posted {@code payment}'s whole amount for a new dispute, and a fee. */
    public DisputeFundsWithdrawn disputeWithdrawn(PaymentOrderSucceeded payment, long feeMinor,
            DisputeFeeBearer bearer) {
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, feeMinor, bearer);
        postings.post(PostingRequest.of(withdrawn));
        return withdrawn;
    }

    /** The PSP gives a won dispute's withdrawn amount back, and {@code feeReturnedMinor} of its fee. */
    public void disputeReinstated(DisputeFundsWithdrawn withdrawn, long feeReturnedMinor) {
        DisputeFundsReinstated reinstated = TestEvents.disputeFundsReinstated(withdrawn, feeReturnedMinor);
        postings.post(PostingRequest.of(reinstated));
    }
}
