package dev.kassa.ledger.posting;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.money.Money;
import java.time.Instant;

/**
 * A succeeded payment or refund from payment.results, checked for everything the ledger relies on. The
 * factories refuse a record that could never be posted with {@link InvalidPaymentResultException}.
 *
 * @param merchantId the seller's merchant, named by payments since schema v2; null otherwise
 */
public record PostingRequest(
        String eventId,
        EntryKind kind,
        String paymentOrderId,
        String refundId,
        String checkoutId,
        String sellerId,
        long amountMinor,
        String currency,
        Instant occurredAt,
        String merchantId) {

    private static final int MAX_ID_LENGTH = 128;

    public static PostingRequest of(PaymentOrderSucceeded event) {
        return new PostingRequest(
                requireId("event_id", event.getEventId()),
                EntryKind.PAYMENT,
                requireId("payment_order_id", event.getPaymentOrderId()),
                null,
                requireId("checkout_id", event.getCheckoutId()),
                requireSeller(event.getSellerAccount()),
                requirePositive(event.getAmountMinor()),
                requireCurrency(event.getCurrency()),
                requireTime(event.getOccurredAt()),
                event.getMerchantId() == null ? null : requireId("merchant_id", event.getMerchantId()));
    }

    public static PostingRequest of(RefundSucceeded event) {
        return new PostingRequest(
                requireId("event_id", event.getEventId()),
                EntryKind.REFUND,
                requireId("payment_order_id", event.getPaymentOrderId()),
                requireId("refund_id", event.getRefundId()),
                requireId("checkout_id", event.getCheckoutId()),
                requireSeller(event.getSellerAccount()),
                requirePositive(event.getAmountMinor()),
                requireCurrency(event.getCurrency()),
                requireTime(event.getOccurredAt()),
                null);
    }

    /** For log lines: "payment po_1" or "refund rf_1 of po_1". */
    public String describe() {
        return kind == EntryKind.PAYMENT
                ? "payment " + paymentOrderId
                : "refund " + refundId + " of " + paymentOrderId;
    }

    private static String requireId(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidPaymentResultException(field + " must be 1-" + MAX_ID_LENGTH + " characters, not blank");
        }
        return value;
    }

    private static String requireSeller(String seller) {
        if (!AccountId.isValidSellerId(seller)) {
            throw new InvalidPaymentResultException(
                    "seller_account must be 1-128 characters without whitespace, control characters or '/'");
        }
        return seller;
    }

    private static long requirePositive(long amountMinor) {
        if (amountMinor <= 0) {
            throw new InvalidPaymentResultException("amount_minor must be positive, was " + amountMinor);
        }
        return amountMinor;
    }

    private static String requireCurrency(String currency) {
        if (!Money.isSupportedCurrency(currency)) {
            throw new InvalidPaymentResultException("currency '" + currency + "' is not an ISO 4217 code with minor units");
        }
        return currency;
    }

    private static Instant requireTime(Instant occurredAt) {
        if (occurredAt == null) {
            throw new InvalidPaymentResultException("occurred_at is missing");
        }
        return occurredAt;
    }
}
