package dev.kassa.pspmock.intent;

import dev.kassa.pspmock.random.RandomSource;
import org.springframework.stereotype.Component;

/**
 * What a payment method does, by test token (contract). Unknown payment methods succeed with the configured
 * probability and are otherwise declined generically.
 */
@Component
public class TestCards {

    public sealed interface ChargeOutcome {
    }

    /** @param disputeReason the reason of the dispute opened on the charge at once (dispute test cards), else null */
    public record Succeeds(String disputeReason) implements ChargeOutcome {

        static final Succeeds PLAIN = new Succeeds(null);

        boolean disputed() {
            return disputeReason != null;
        }
    }

    public record Declined(CardError error) implements ChargeOutcome {
    }

    /** {@code processing} now, resolved later by the resolver (and a webhook). */
    public record Processing(boolean succeeds) implements ChargeOutcome {
    }

    public enum RefundBehaviour {
        SUCCEEDS_AT_ONCE,
        PENDING_THEN_SUCCEEDS,
        PENDING_THEN_FAILS
    }

    static final CardError GENERIC_DECLINE = CardError.declined("generic_decline", "Your card was declined.");
    private static final CardError INSUFFICIENT_FUNDS =
            CardError.declined("insufficient_funds", "Your card has insufficient funds.");
    private static final CardError LOST_CARD = CardError.declined("lost_card", "Your card was declined.");
    private static final CardError STOLEN_CARD = CardError.declined("stolen_card", "Your card was declined.");
    private static final CardError FRAUDULENT = CardError.declined("fraudulent", "Your card was declined.");
    // For these Stripe's error code is the reason itself, not card_declined (its testing docs and error codes).
    private static final CardError EXPIRED_CARD =
            new CardError("card_error", "expired_card", "expired_card", "Your card has expired.");
    private static final CardError INCORRECT_CVC = new CardError("card_error", "incorrect_cvc", "incorrect_cvc",
            "Your card's security code is incorrect.");
    private static final CardError PROCESSING_ERROR = new CardError("card_error", "processing_error",
            "processing_error", "An error occurred while processing your card. Try again in a little bit.");

    private static final String FRAUDULENT_DISPUTE = "fraudulent";
    private static final String PRODUCT_NOT_RECEIVED_DISPUTE = "product_not_received";

    private final OutcomeSettings settings;
    private final RandomSource random;

    TestCards(OutcomeSettings settings, RandomSource random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * Stripe's test payment methods ({@code pm_card_*}) and tokens ({@code tok_*}) with their documented outcome and
     * decline code, plus Kassa's asynchronous ones ({@code tok_async}, {@code tok_asyncDeclined}, {@code tok_refundFail}).
     * Stripe's dispute cards succeed, and a dispute is then opened on the charge ({@code fraudulent}, or
     * {@code product_not_received} for the {@code …ProductNotReceived} ones).
     */
    ChargeOutcome chargeOutcome(String paymentMethod) {
        return switch (paymentMethod) {
            case "tok_visa", "tok_visa_debit", "tok_mastercard", "tok_mastercard_debit", "tok_amex", "tok_refundFail",
                 "pm_card_visa", "pm_card_visa_debit", "pm_card_mastercard", "pm_card_mastercard_debit",
                 "pm_card_amex", "pm_card_discover", "pm_card_jcb", "pm_card_unionpay" -> Succeeds.PLAIN;
            case "tok_createDispute", "pm_card_createDispute" -> new Succeeds(FRAUDULENT_DISPUTE);
            case "tok_createDisputeProductNotReceived", "pm_card_createDisputeProductNotReceived" ->
                    new Succeeds(PRODUCT_NOT_RECEIVED_DISPUTE);
            case "tok_chargeDeclined", "pm_card_chargeDeclined", "pm_card_visa_chargeDeclined" ->
                    new Declined(GENERIC_DECLINE);
            case "tok_chargeDeclinedInsufficientFunds", "pm_card_chargeDeclinedInsufficientFunds",
                 "pm_card_visa_chargeDeclinedInsufficientFunds" -> new Declined(INSUFFICIENT_FUNDS);
            case "tok_chargeDeclinedLostCard", "pm_card_chargeDeclinedLostCard", "pm_card_visa_chargeDeclinedLostCard" ->
                    new Declined(LOST_CARD);
            case "tok_chargeDeclinedStolenCard", "pm_card_chargeDeclinedStolenCard",
                 "pm_card_visa_chargeDeclinedStolenCard" -> new Declined(STOLEN_CARD);
            case "tok_chargeDeclinedFraudulent", "pm_card_chargeDeclinedFraudulent",
                 "pm_card_visa_chargeDeclinedFraudulent" -> new Declined(FRAUDULENT);
            case "tok_chargeDeclinedExpiredCard", "pm_card_chargeDeclinedExpiredCard" -> new Declined(EXPIRED_CARD);
            case "tok_chargeDeclinedIncorrectCvc", "pm_card_chargeDeclinedIncorrectCvc" -> new Declined(INCORRECT_CVC);
            case "tok_chargeDeclinedProcessingError", "pm_card_chargeDeclinedProcessingError" ->
                    new Declined(PROCESSING_ERROR);
            case "tok_async" -> new Processing(true);
            case "tok_asyncDeclined" -> new Processing(false);
            default -> random.chance(settings.successProbability()) ? Succeeds.PLAIN : new Declined(GENERIC_DECLINE);
        };
    }

    /** Refunds follow the card that paid: async payment methods refund asynchronously too. */
    public static RefundBehaviour refundBehaviour(String paymentMethod) {
        return switch (paymentMethod) {
            case "tok_async" -> RefundBehaviour.PENDING_THEN_SUCCEEDS;
            case "tok_refundFail" -> RefundBehaviour.PENDING_THEN_FAILS;
            default -> RefundBehaviour.SUCCEEDS_AT_ONCE;
        };
    }
}
