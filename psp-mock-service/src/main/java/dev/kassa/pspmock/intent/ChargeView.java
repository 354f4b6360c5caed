package dev.kassa.pspmock.intent;

import java.util.Locale;
import java.util.Map;
import dev.kassa.pspmock.api.Ids;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Stripe's Charge as {@code charge.refunded} carries it: the one charge of a succeeded intent ({@link Ids#chargeOf}),
 * with what has been refunded of it. psp-mock has no charges endpoint; this is the event's view only.
 *
 * @param amountRefunded succeeded and pending refunds, as the intent counts them
 */
@Schema(name = "Charge", description = "Stripe's Charge as `charge.refunded` carries it (psp-mock has no charges"
        + " endpoint): the one charge of a succeeded PaymentIntent, `ch_` + the intent's id without `pi_`")
public record ChargeView(@Schema(example = "ch_3MtwBwLkdIwHu7ix28a3tqPa") String id,
                         @Schema(allowableValues = "charge") String object, long amount, long amountCaptured,
                         @Schema(description = "Succeeded and pending refunds, as the intent counts them")
                         long amountRefunded,
                         @Schema(nullable = true, description = PaymentIntent.ALWAYS_NULL) String balanceTransaction,
                         boolean captured, long created, String currency,
                         @Schema(nullable = true, description = PaymentIntent.ALWAYS_NULL) String failureCode,
                         @Schema(nullable = true, description = PaymentIntent.ALWAYS_NULL) String failureMessage,
                         boolean livemode, @Schema(description = "The PaymentIntent's") Map<String, String> metadata,
                         boolean paid, String paymentIntent, String paymentMethod,
                         @Schema(description = "Refunded in full") boolean refunded,
                         @Schema(allowableValues = "succeeded") String status) {

    public static ChargeView of(PaymentIntent intent, long amountRefunded) {
        return new ChargeView(Ids.chargeOf(intent.id()), "charge", intent.amount(), intent.amount(), amountRefunded,
                null, true, intent.createdAt().getEpochSecond(), intent.currency().toLowerCase(Locale.ROOT), null, null,
                false, intent.metadata().entries(), true, intent.id(), intent.paymentMethod(),
                amountRefunded == intent.amount(), PaymentIntent.SUCCEEDED);
    }
}
