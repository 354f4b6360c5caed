package dev.kassa.pspmock.refund;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.idempotency.RequestFingerprint;

/** A validated {@code POST /v1/refunds} body; without an amount, the whole unrefunded rest is refunded. */
record CreateRefundRequest(String paymentIntent, OptionalLong amount, Map<String, String> metadata) {

    static final String ENDPOINT = "POST /v1/refunds";
    private static final Set<String> PARAMETERS = Set.of("payment_intent", "amount", "metadata");

    static CreateRefundRequest from(JsonRequest body, long maxAmount) {
        body.allowOnly(PARAMETERS);
        return new CreateRefundRequest(body.requiredString("payment_intent"), body.optionalAmount("amount", maxAmount),
                body.optionalStringMap("metadata"));
    }

    RequestFingerprint fingerprint(ApiJson json) {
        String amountPart = amount.isPresent() ? Long.toString(amount.getAsLong()) : "rest";
        return RequestFingerprint.of(ENDPOINT, paymentIntent + "\n" + amountPart + "\n" + json.write(metadata));
    }
}
