package dev.kassa.pspmock.intent;

import tools.jackson.databind.JsonNode;

/** A payment intent's {@code last_payment_error}, and the body of a 402 decline. */
record CardError(String type, String code, String declineCode, String message) {

    static CardError declined(String declineCode, String message) {
        return new CardError("card_error", "card_declined", declineCode, message);
    }

    /** From its API rendering (snake_case), as stored. */
    static CardError of(JsonNode node) {
        return new CardError(node.path("type").stringValue(null), node.path("code").stringValue(null),
                node.path("decline_code").stringValue(null), node.path("message").stringValue(null));
    }
}
