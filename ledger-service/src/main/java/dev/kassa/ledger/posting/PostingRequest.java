package dev.kassa.ledger.posting;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.money.Money;
import java.time.Instant;

/**
 * A succeeded payment or refund, or a dispute's withdrawn or reinstated funds, from payment.results, checked for
 * everything the ledger relies on. The factories refuse a record that could never be posted with
 * {@link InvalidPaymentResultException}.
 *
 * @param amountMinor the payment's, refund's or disputed amount, without a dispute fee
 * @param disputeId the dispute of the DISPUTE_ kinds, null otherwise
 * @param feeMinor the dispute fee the PSP charged (withdrawn) or gave back (reinstated), 0 for the other kinds
 * @param feeBearer who bears the dispute fee, as payment-service decided it; null for the other kinds
 * @param merchantId the seller's merchant, named by payments since schema v2; null otherwise
 */
public record PostingRequest(
        String eventId,
        EntryKind kind,
        String paymentOrderId,
        String refundId,
        String disputeId,
        String checkoutId,
        String sellerId,
        long amountMinor,
        long feeMinor,
        DisputeFeeBearer feeBearer,
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
                null,
                requireId("checkout_id", event.getCheckoutId()),
                requireSeller(event.getSellerAccount()),
                requirePositive(event.getAmountMinor()),
                0,
                null,
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
                null,
                requireId("checkout_id", event.getCheckoutId()),
                requireSeller(event.getSellerAccount()),
                requirePositive(event.getAmountMinor()),
                0,
                null,
                requireCurrency(event.getCurrency()),
                requireTime(event.getOccurredAt()),
                null);
    }

    public static PostingRequest of(DisputeFundsWithdrawn event) {
        return dispute(EntryKind.DISPUTE_FUNDS_WITHDRAWN, event.getEventId(), event.getPaymentOrderId(),
                event.getDisputeId(), event.getCheckoutId(), event.getSellerAccount(), event.getAmountMinor(),
                event.getFeeMinor(), event.getFeeBearer(), event.getCurrency(), event.getOccurredAt());
    }

    public static PostingRequest of(DisputeFundsReinstated event) {
        return dispute(EntryKind.DISPUTE_FUNDS_REINSTATED, event.getEventId(), event.getPaymentOrderId(),
                event.getDisputeId(), event.getCheckoutId(), event.getSellerAccount(), event.getAmountMinor(),
                event.getFeeMinor(), event.getFeeBearer(), event.getCurrency(), event.getOccurredAt());
    }

    private static PostingRequest dispute(EntryKind kind, String eventId, String paymentOrderId, String disputeId,
            String checkoutId, String seller, long amountMinor, long feeMinor, DisputeFeeBearer feeBearer,
            String currency, Instant occurredAt) {
        requirePositive(amountMinor);
        if (feeMinor < 0) {
            throw new InvalidPaymentResultException("fee_minor must be zero or positive, was " + feeMinor);
        }
        if (feeBearer == null) {
            throw new InvalidPaymentResultException("fee_bearer is missing");
        }
        if (amountMinor > Long.MAX_VALUE - feeMinor) { // psp_receivable's line carries amount + fee
            throw new InvalidPaymentResultException("amount_minor + fee_minor exceeds a long");
        }
        return new PostingRequest(
                requireId("event_id", eventId),
                kind,
                requireId("payment_order_id", paymentOrderId),
                null,
                requireId("dispute_id", disputeId),
                requireId("checkout_id", checkoutId),
                requireSeller(seller),
                amountMinor,
                feeMinor,
                feeBearer,
                requireCurrency(currency),
                requireTime(occurredAt),
                null);
    }

    /** For log lines: "payment po_1", "refund rf_1 of po_1" or "withdrawn funds of dispute du_1 of po_1". */
    public String describe() {
        return switch (kind) {
            case PAYMENT -> "payment " + paymentOrderId;
            case REFUND -> "refund " + refundId + " of " + paymentOrderId;
            case DISPUTE_FUNDS_WITHDRAWN -> "withdrawn funds of dispute " + disputeId + " of " + paymentOrderId;
            case DISPUTE_FUNDS_REINSTATED -> "reinstated funds of dispute " + disputeId + " of " + paymentOrderId;
        };
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
