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

    public record Succeeds() implements ChargeOutcome {
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

    private final OutcomeSettings settings;
    private final RandomSource random;

    TestCards(OutcomeSettings settings, RandomSource random) {
        this.settings = settings;
        this.random = random;
    }

    ChargeOutcome chargeOutcome(String paymentMethod) {
        return switch (paymentMethod) {
            case "tok_visa", "tok_mastercard", "tok_refundFail" -> new Succeeds();
            case "tok_chargeDeclined" -> new Declined(GENERIC_DECLINE);
            case "tok_chargeDeclinedInsufficientFunds" ->
                    new Declined(CardError.declined("insufficient_funds", "Your card has insufficient funds."));
            case "tok_chargeDeclinedExpiredCard" ->
                    new Declined(CardError.declined("expired_card", "Your card has expired."));
            case "tok_async" -> new Processing(true);
            case "tok_asyncDeclined" -> new Processing(false);
            default -> random.chance(settings.successProbability()) ? new Succeeds() : new Declined(GENERIC_DECLINE);
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
