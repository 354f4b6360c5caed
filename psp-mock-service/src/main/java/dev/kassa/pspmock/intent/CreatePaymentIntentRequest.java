package dev.kassa.pspmock.intent;

import java.util.Map;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.idempotency.RequestFingerprint;
import dev.kassa.web.validation.PanDetector;

/** A validated {@code POST /v1/payment_intents} body; currency upper-cased, metadata sorted. */
record CreatePaymentIntentRequest(long amount, String currency, String paymentMethod, Map<String, String> metadata) {

    static final String ENDPOINT = "POST /v1/payment_intents";
    private static final Set<String> PARAMETERS = Set.of("amount", "currency", "payment_method", "metadata", "confirm");

    static CreatePaymentIntentRequest from(JsonRequest body, long maxAmount) {
        body.allowOnly(PARAMETERS);
        long amount = body.requiredAmount("amount", maxAmount);
        String currency = body.requiredCurrency("currency").getCurrencyCode();
        body.optionalBoolean("confirm");
        String paymentMethod = body.requiredString("payment_method");
        if (PanDetector.containsPan(paymentMethod)) {
            throw ApiException.invalidRequest("raw_card_data_rejected",
                    "Raw card numbers are not accepted. Send a token such as tok_visa.", "payment_method");
        }
        return new CreatePaymentIntentRequest(amount, currency, paymentMethod, body.optionalStringMap("metadata"));
    }

    RequestFingerprint fingerprint(ApiJson json) {
        return RequestFingerprint.of(ENDPOINT, json.write(this));
    }
}
