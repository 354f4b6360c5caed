package dev.kassa.ledger.support;

import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.ledger.posting.PostingRequest;
import dev.kassa.ledger.posting.PostingService;
import dev.kassa.testfixtures.TestEvents;

/** Posts payments and refunds straight through the posting service, for tests about reading the ledger. */
public class Ledger {

    private final PostingService postings;

    public Ledger(PostingService postings) {
        this.postings = postings;
    }

    public void payment(String paymentOrderId, String seller, long amountMinor, String currency) {
        postings.post(PostingRequest.of(TestEvents.paymentSucceeded(paymentOrderId, seller, amountMinor, currency)));
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
}
