package dev.kassa.pspmock.refund;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.idempotency.RequestFingerprint;

/**
 * A validated {@code POST /v1/refunds} body: the payment by {@code payment_intent} or by its {@code charge} (one of
 * them); without an amount, the whole unrefunded rest is refunded.
 *
 * @param paymentIntent the intent, also when the request named its charge ({@code ch_X} is {@code pi_X}'s)
 * @param param         the parameter that named the payment, for errors about it
 */
record CreateRefundRequest(String paymentIntent, String param, OptionalLong amount, String reason,
                           Map<String, String> metadata) {

    static final String ENDPOINT = "POST /v1/refunds";
    private static final Set<String> PARAMETERS =
            Set.of("payment_intent", "charge", "amount", "reason", "metadata", "expand");
    static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    static CreateRefundRequest from(JsonRequest body, long maxAmount) {
        body.allowOnly(PARAMETERS);
        Optional<String> paymentIntent = body.optionalString("payment_intent");
        Optional<String> charge = body.optionalString("charge");
        if (paymentIntent.isPresent() && charge.isPresent()) {
            throw ApiException.invalidRequest("parameter_invalid",
                    "You can only specify one of these parameters: charge, payment_intent.", "charge");
        }
        if (paymentIntent.isEmpty() && charge.isEmpty()) {
            throw ApiException.invalidRequest("parameter_missing",
                    "One of the following params should be provided for this request: payment_intent or charge.",
                    "payment_intent");
        }
        String intentId = paymentIntent.orElseGet(() -> intentOfCharge(charge.get()));
        OptionalLong amount = body.optionalAmount("amount", maxAmount);
        String reason = body.optionalEnum("reason", REASONS).orElse(null);
        body.optionalStringList("expand");
        return new CreateRefundRequest(intentId, paymentIntent.isPresent() ? "payment_intent" : "charge", amount,
                reason, body.optionalStringMap("metadata"));
    }

    private static String intentOfCharge(String charge) {
        if (!charge.startsWith("ch_")) {
            throw ApiException.notFound("charge", charge, "charge");
        }
        return "pi_" + charge.substring(3);
    }

    RequestFingerprint fingerprint(ApiJson json) {
        String amountPart = amount.isPresent() ? Long.toString(amount.getAsLong()) : "rest";
        return RequestFingerprint.of(ENDPOINT,
                paymentIntent + "\n" + amountPart + "\n" + reason + "\n" + json.write(metadata));
    }
}
