package dev.kassa.pspmock.intent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.idempotency.RequestFingerprint;
import dev.kassa.web.validation.PanDetector;

/**
 * A validated {@code POST /v1/payment_intents} body; currency upper-cased, metadata sorted. Without {@code confirm}
 * the intent waits for {@code POST /v1/payment_intents/{id}/confirm}, as with Stripe.
 *
 * @param paymentMethod null when none is given (the intent then requires one)
 */
record CreatePaymentIntentRequest(long amount, String currency, String paymentMethod, boolean confirm,
                                  Map<String, String> metadata) {

    static final String ENDPOINT = "POST /v1/payment_intents";
    /**
     * What Kassa and Stripe's SDKs send. {@code automatic_payment_methods} (payment-service sends it against Stripe to
     * confirm server side), {@code payment_method_types}, {@code capture_method}, {@code confirmation_method} and
     * {@code expand} are accepted with the only values psp-mock acts as (cards, automatic capture and confirmation).
     */
    private static final Set<String> PARAMETERS = Set.of("amount", "currency", "payment_method", "metadata", "confirm",
            "automatic_payment_methods", "payment_method_types", "capture_method", "confirmation_method", "expand",
            "description");

    static CreatePaymentIntentRequest from(JsonRequest body, long maxAmount) {
        body.allowOnly(PARAMETERS);
        long amount = body.requiredAmount("amount", maxAmount);
        String currency = body.requiredCurrency("currency").getCurrencyCode();
        String paymentMethod = paymentMethod(body).orElse(null);
        boolean confirm = body.optionalBoolean("confirm").orElse(false);
        body.optionalEnum("capture_method", Set.of("automatic", "automatic_async"));
        body.optionalEnum("confirmation_method", Set.of("automatic"));
        body.optionalString("description");
        body.optionalStringList("expand");
        List<String> types = body.optionalStringList("payment_method_types");
        if (!types.isEmpty() && !types.equals(List.of("card"))) {
            throw ApiException.invalidRequest("parameter_invalid",
                    "psp-mock supports the payment method type card only.", "payment_method_types");
        }
        if (confirm && paymentMethod == null) {
            throw ApiException.invalidRequest("parameter_missing",
                    "A payment_method is required to confirm a PaymentIntent at creation.", "payment_method");
        }
        return new CreatePaymentIntentRequest(amount, currency, paymentMethod, confirm,
                body.optionalStringMap("metadata"));
    }

    /** A payment method or token; something that looks like a raw card number is refused. */
    static Optional<String> paymentMethod(JsonRequest body) {
        Optional<String> paymentMethod = body.optionalString("payment_method");
        if (paymentMethod.isPresent() && PanDetector.containsPan(paymentMethod.get())) {
            throw ApiException.invalidRequest("raw_card_data_rejected",
                    "Raw card numbers are not accepted. Send a token such as tok_visa.", "payment_method");
        }
        return paymentMethod;
    }

    RequestFingerprint fingerprint(ApiJson json) {
        return RequestFingerprint.of(ENDPOINT, json.write(this));
    }
}
