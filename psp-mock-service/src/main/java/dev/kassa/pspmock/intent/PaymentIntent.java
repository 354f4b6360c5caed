package dev.kassa.pspmock.intent;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A payment intent as stored. No version: every change after its insert is a guarded UPDATE ({@link PaymentIntents}).
 *
 * @param status         Stripe's: {@code requires_payment_method} (none yet, or declined), {@code requires_confirmation},
 *                       {@code processing}, {@code succeeded}, {@code canceled}
 * @param currency       ISO 4217 upper case as stored; answered in lower case, as Stripe does
 * @param paymentMethod  null until one is given
 * @param amountRefunded succeeded and pending refunds together: what can no longer be refunded
 * @param resolveAt      a processing intent reaches {@code resolvesTo} then (tok_async, tok_asyncDeclined); else null
 */
@Table("payment_intent")
public record PaymentIntent(@Id String id, long amount, String currency, String status, String paymentMethod,
                            Metadata metadata, CardError lastPaymentError, long amountRefunded,
                            Instant createdAt, Instant resolveAt, String resolvesTo,
                            Instant canceledAt, String cancellationReason) {

    public static final String SUCCEEDED = "succeeded";
    public static final String PROCESSING = "processing";
    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
    public static final String REQUIRES_CONFIRMATION = "requires_confirmation";
    public static final String CANCELED = "canceled";

    private static final List<String> PAYMENT_METHOD_TYPES = List.of("card");

    /** How the API document marks a Stripe field psp-mock never fills. */
    static final String ALWAYS_NULL = "Always null in psp-mock";

    PaymentIntent resolvedAs(String finalStatus, CardError error) {
        return new PaymentIntent(id, amount, currency, finalStatus, paymentMethod, metadata, error, amountRefunded,
                createdAt, null, null, canceledAt, cancellationReason);
    }

    PaymentIntent confirmedAs(String newStatus, String method, CardError error, Instant resolveAt, String resolvesTo) {
        return new PaymentIntent(id, amount, currency, newStatus, method, metadata, error, amountRefunded,
                createdAt, resolveAt, resolvesTo, null, null);
    }

    PaymentIntent canceled(Instant at, String reason) {
        return new PaymentIntent(id, amount, currency, CANCELED, paymentMethod, metadata, lastPaymentError,
                amountRefunded, createdAt, null, null, at, reason);
    }

    /** payment-service puts its order id here; the settlement file carries it so reconciliation can match rows. */
    public String paymentOrderId() {
        return metadata.get("payment_order_id");
    }

    /** A charge was attempted: confirmed at least once (the charge id is derived, {@link Ids#chargeOf}). */
    boolean charged() {
        return SUCCEEDED.equals(status) || PROCESSING.equals(status) || lastPaymentError != null;
    }

    public View view() {
        return new View(id, "payment_intent", amount, 0, SUCCEEDED.equals(status) ? amount : 0, amountRefunded,
                null, null, null, canceledAt == null ? null : canceledAt.getEpochSecond(), cancellationReason,
                "automatic", clientSecret(), "automatic", createdAt.getEpochSecond(),
                currency.toLowerCase(Locale.ROOT), null, null, PaymentError.of(lastPaymentError, Ids.chargeOf(id)),
                charged() ? Ids.chargeOf(id) : null, false, metadata.entries(), null, null, paymentMethod, null,
                PAYMENT_METHOD_TYPES, null, null, null, null, null, null, status, null, null);
    }

    /**
     * Stripe's {@code <id>_secret_<random>}. psp-mock has no publishable-key API that a client secret would unlock, so
     * it is derived from the id (no column) and only has Stripe's shape.
     */
    private String clientSecret() {
        return id + "_secret_" + HexFormat.of().toHexDigits(id.hashCode());
    }

    /**
     * The API representation (rendered in snake_case): Stripe's PaymentIntent fields that stripe-java models, null
     * where psp-mock has nothing to say; {@code created} and {@code canceled_at} in Unix seconds.
     * {@code amount_refunded} is psp-mock's addition (succeeded and pending refunds).
     */
    @Schema(name = "PaymentIntent", description = "Stripe's PaymentIntent: the fields stripe-java models, null where"
            + " psp-mock has nothing to say. Times are Unix seconds.")
    public record View(@Schema(example = "pi_3MtwBwLkdIwHu7ix28a3tqPa") String id,
                       @Schema(allowableValues = "payment_intent") String object,
                       @Schema(description = "Integer, in the currency's minor unit", example = "2000") long amount,
                       @Schema(description = "Always 0: psp-mock captures at once") long amountCapturable,
                       @Schema(description = "The amount once succeeded, else 0") long amountReceived,
                       @Schema(description = "psp-mock's addition: succeeded and pending refunds together")
                       long amountRefunded,
                       @Schema(nullable = true, description = ALWAYS_NULL) String application,
                       @Schema(nullable = true, description = ALWAYS_NULL) Long applicationFeeAmount,
                       @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object automaticPaymentMethods,
                       @Schema(nullable = true, description = "When it was canceled") Long canceledAt,
                       @Schema(nullable = true, allowableValues = {"duplicate", "fraudulent", "requested_by_customer",
                               "abandoned"}) String cancellationReason,
                       @Schema(allowableValues = "automatic") String captureMethod,
                       @Schema(description = "Stripe's shape (`<id>_secret_<random>`); psp-mock has no client API"
                               + " it unlocks") String clientSecret,
                       @Schema(allowableValues = "automatic") String confirmationMethod,
                       long created,
                       @Schema(description = "ISO 4217, lower case", example = "eur") String currency,
                       @Schema(nullable = true, description = ALWAYS_NULL) String customer,
                       @Schema(nullable = true, description = ALWAYS_NULL + " (a `description` sent is not kept)")
                       String description,
                       @Schema(nullable = true, description = "The last charge attempt's card error; null after a"
                               + " success") PaymentError lastPaymentError,
                       @Schema(nullable = true, description = "The charge (`ch_…`) once one was attempted")
                       String latestCharge,
                       @Schema(description = "Always false") boolean livemode,
                       @Schema(description = "What the creator set, e.g. Kassa's `payment_order_id`",
                               example = "{\"payment_order_id\": \"po_123\"}") Map<String, String> metadata,
                       @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object nextAction,
                       @Schema(nullable = true, description = ALWAYS_NULL) String onBehalfOf,
                       @Schema(nullable = true, description = "The payment method or test token, e.g. `tok_visa`")
                       String paymentMethod,
                       @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object paymentMethodOptions,
                       @Schema(description = "Always `[\"card\"]`") List<String> paymentMethodTypes,
                       @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object processing,
                       @Schema(nullable = true, description = ALWAYS_NULL) String receiptEmail,
                       @Schema(nullable = true, description = ALWAYS_NULL) String review,
                       @Schema(nullable = true, description = ALWAYS_NULL) String setupFutureUsage,
                       @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object shipping,
                       @Schema(nullable = true, description = ALWAYS_NULL) String statementDescriptor,
                       @Schema(allowableValues = {REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, PROCESSING, SUCCEEDED,
                               CANCELED}, description = "`requires_payment_method` also after a decline (see"
                               + " `last_payment_error`); `processing` resolves after `psp.outcomes.async-delay`")
                       String status,
                       @Schema(types = {"object", "null"}, description = ALWAYS_NULL) Object transferData,
                       @Schema(nullable = true, description = ALWAYS_NULL) String transferGroup) {
    }

    /** Stripe's {@code last_payment_error}: the card error and the charge that failed. */
    @Schema(name = "PaymentIntentLastPaymentError", description = "The card error of the last charge attempt")
    public record PaymentError(String charge, String code, String declineCode, String message, String type) {

        static PaymentError of(CardError error, String charge) {
            return error == null ? null
                    : new PaymentError(charge, error.code(), error.declineCode(), error.message(), error.type());
        }
    }
}
