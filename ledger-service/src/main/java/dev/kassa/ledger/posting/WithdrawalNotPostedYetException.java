package dev.kassa.ledger.posting;

/**
 * A dispute's reinstated funds arrived before the ledger posted its withdrawn funds (payment-service publishes them
 * in that order, but records lose their order on retry topics): transient, retried like a refund before its payment.
 */
class WithdrawalNotPostedYetException extends RuntimeException {

    public WithdrawalNotPostedYetException(PostingRequest reinstatement) {
        super(reinstatement.describe() + " arrived before the dispute's withdrawn funds were posted; retrying later");
    }
}
