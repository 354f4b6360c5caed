package dev.kassa.pspmock.intent;

/** A payment intent's {@code last_payment_error}, and the body of a 402 decline. */
record CardError(String type, String code, String declineCode, String message) {

    static CardError declined(String declineCode, String message) {
        return new CardError("card_error", "card_declined", declineCode, message);
    }
}
