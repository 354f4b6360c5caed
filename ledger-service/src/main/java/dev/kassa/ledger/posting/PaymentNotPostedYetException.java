package dev.kassa.ledger.posting;

/**
 * A refund arrived before the ledger posted its payment. Records lose their order when they pass through
 * retry topics, so this is transient: the refund is retried (and dead-lettered if the payment never comes).
 */
class PaymentNotPostedYetException extends RuntimeException {

    public PaymentNotPostedYetException(String paymentOrderId, String refundId) {
        super("refund " + refundId + " of payment order " + paymentOrderId
                + " arrived before the payment was posted; retrying later");
    }
}
