package dev.kassa.ledger.posting;

/**
 * A payment.results record the ledger can never post (missing ids, non-positive amount, unknown currency,
 * a refund that contradicts its payment). Retrying cannot help: it goes straight to the dead-letter topic.
 */
public class InvalidPaymentResultException extends RuntimeException {

    public InvalidPaymentResultException(String message) {
        super(message);
    }
}
