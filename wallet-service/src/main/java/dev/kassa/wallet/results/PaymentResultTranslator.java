package dev.kassa.wallet.results;

import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.money.Money;
import dev.kassa.wallet.movement.MovementKind;
import dev.kassa.wallet.movement.MovementRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a {@code payment.results} record means for wallets: a credit, a debit, or nothing (failures). A dispute's
 * withdrawn funds debit the seller the disputed amount, and the fee too when the seller bears it; a won dispute's
 * reinstated funds credit the same way (docs/architecture.md §15).
 * Validates what the movement relies on, so a bad record is refused before it touches a balance.
 */
final class PaymentResultTranslator {

    /** Seller accounts are ids of the payment API; the wallet API can only look up ids of this form. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_ID_LENGTH = 64;

    private PaymentResultTranslator() {
    }

    /**
     * @return the movement the record asks for, or empty for a record wallets ignore (a failed payment or refund)
     * @throws InvalidEventException when the record can never be applied
     */
    static Optional<MovementRequest> translate(SpecificRecord record) {
        return switch (record) {
            case PaymentOrderSucceeded s -> Optional.of(movement(s.getEventId(), MovementKind.CREDIT,
                    s.getSellerAccount(), s.getCurrency(), s.getAmountMinor(), s.getPaymentOrderId(),
                    s.getCheckoutId(), null, s.getOccurredAt(), optionalId("merchant_id", s.getMerchantId())));
            case RefundSucceeded r -> Optional.of(movement(r.getEventId(), MovementKind.DEBIT,
                    r.getSellerAccount(), r.getCurrency(), r.getAmountMinor(), r.getPaymentOrderId(),
                    r.getCheckoutId(), requireId("refund_id", r.getRefundId()), r.getOccurredAt(), null));
            case DisputeFundsWithdrawn w -> Optional.of(dispute(w.getEventId(), MovementKind.DEBIT, w.getSellerAccount(),
                    w.getCurrency(), w.getAmountMinor(), w.getFeeMinor(), w.getFeeBearer(), w.getPaymentOrderId(),
                    w.getCheckoutId(), w.getDisputeId(), w.getOccurredAt()));
            case DisputeFundsReinstated r -> Optional.of(dispute(r.getEventId(), MovementKind.CREDIT, r.getSellerAccount(),
                    r.getCurrency(), r.getAmountMinor(), r.getFeeMinor(), r.getFeeBearer(), r.getPaymentOrderId(),
                    r.getCheckoutId(), r.getDisputeId(), r.getOccurredAt()));
            case PaymentOrderFailed ignored -> Optional.empty();
            case RefundFailed ignored -> Optional.empty();
            case null -> throw new InvalidEventException("payment.results record without a value");
            default -> throw new InvalidEventException(
                    record.getSchema().getFullName() + " does not belong on payment.results");
        };
    }

    private static MovementRequest dispute(String eventId, MovementKind kind, String account, String currency,
                                           long amountMinor, long feeMinor, DisputeFeeBearer bearer,
                                           String paymentOrderId, String checkoutId, String disputeId,
                                           Instant occurredAt) {
        // Checked before the fee is added: a seller-borne fee must not hide a non-positive disputed amount.
        if (amountMinor <= 0) {
            throw new InvalidEventException("amount_minor must be positive, was " + amountMinor);
        }
        if (feeMinor < 0) {
            throw new InvalidEventException("fee_minor must not be negative, was " + feeMinor);
        }
        if (bearer == null) {
            throw new InvalidEventException("fee_bearer is missing");
        }
        if (bearer == DisputeFeeBearer.SELLER && feeMinor > Long.MAX_VALUE - amountMinor) {
            throw new InvalidEventException("amount_minor + fee_minor overflows: " + amountMinor + " + " + feeMinor);
        }
        long sellersShare = bearer == DisputeFeeBearer.SELLER ? amountMinor + feeMinor : amountMinor;
        return movement(eventId, kind, account, currency, sellersShare, paymentOrderId, checkoutId, null, occurredAt,
                null, requireId("dispute_id", disputeId));
    }

    private static MovementRequest movement(String eventId, MovementKind kind, String account, String currency,
                                            long amountMinor, String paymentOrderId, String checkoutId,
                                            String refundId, Instant occurredAt, String merchantId) {
        return movement(eventId, kind, account, currency, amountMinor, paymentOrderId, checkoutId, refundId,
                occurredAt, merchantId, null);
    }

    private static MovementRequest movement(String eventId, MovementKind kind, String account, String currency,
                                            long amountMinor, String paymentOrderId, String checkoutId,
                                            String refundId, Instant occurredAt, String merchantId,
                                            String disputeId) {
        requireId("event_id", eventId);
        if (account == null || !ACCOUNT_ID.matcher(account).matches()) {
            throw new InvalidEventException("seller_account '" + abbreviate(account)
                    + "' is not 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (!Money.isSupportedCurrency(currency)) {
            throw new InvalidEventException("currency '" + abbreviate(currency)
                    + "' is not an upper-case ISO 4217 code with minor units");
        }
        if (amountMinor <= 0) {
            throw new InvalidEventException("amount_minor must be positive, was " + amountMinor);
        }
        requireId("payment_order_id", paymentOrderId);
        requireId("checkout_id", checkoutId);
        if (occurredAt == null) {
            throw new InvalidEventException("occurred_at is missing");
        }
        return new MovementRequest(eventId, kind, account, currency, amountMinor, paymentOrderId, checkoutId,
                refundId, occurredAt, merchantId, disputeId);
    }

    private static String requireId(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidEventException(field + " must be 1 to " + MAX_ID_LENGTH
                    + " characters, was '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** A merchant id is optional (v1 events have none), but when present it must be one. */
    private static String optionalId(String field, String value) {
        return value == null ? null : requireId(field, value);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 70 ? value : value.substring(0, 67) + "...";
    }
}
