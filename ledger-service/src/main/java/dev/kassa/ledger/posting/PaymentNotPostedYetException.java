package dev.kassa.ledger.posting;

/**
 * A refund or a dispute arrived before the ledger posted its payment. Records lose their order when they pass through
 * retry topics, so this is transient: the record is retried (and dead-lettered if the payment never comes).
 */
class PaymentNotPostedYetException extends RuntimeException {

    public PaymentNotPostedYetException(PostingRequest request) {
        super(request.describe() + " arrived before the payment was posted; retrying later");
    }
}
