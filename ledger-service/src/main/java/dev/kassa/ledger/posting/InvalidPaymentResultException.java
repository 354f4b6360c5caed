package dev.kassa.ledger.posting;

import dev.kassa.messaging.consumer.InvalidEventException;

/**
 * A payment.results record the ledger can never post (missing ids, non-positive amount, unknown currency,
 * a refund that contradicts its payment). Retrying cannot help: it goes straight to the dead-letter topic.
 */
class InvalidPaymentResultException extends InvalidEventException {

    public InvalidPaymentResultException(String message) {
        super(message);
    }
}
