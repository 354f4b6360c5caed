package dev.kassa.reconciliation.settlement;

import dev.kassa.schemas.money.Money;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Turns one Stripe balance transaction (with {@code source} expanded) into the row the matcher uses. A
 * transaction that cannot be mapped is reported as malformed, as a bad line of the old settlement file was.
 *
 * <p>Charges, refunds, and a dispute's money: Stripe's {@code adjustment} with reporting category {@code dispute}
 * (the withdrawal) or {@code dispute_reversal} (a won dispute's reversal), whose expanded source is the Dispute
 * ({@code dp_…}, with its {@code payment_intent}). Any other type or category is unmappable.
 */
final class BalanceTransactionMapper {

    /** Why a transaction is not a row; its message is the report's reason. */
    static final class Unmappable extends RuntimeException {
        Unmappable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @param ordinal position of the transaction in the day's listing (1 for the first), the report's "line" */
    static SettlementRow toRow(long ordinal, JsonNode txn) {
        String id = text(txn, "id");
        if (id == null) {
            throw new Unmappable("id is missing");
        }
        String typeCode = text(txn, "type");
        String category = text(txn, "reporting_category");
        SettlementType type = SettlementType.of(typeCode, category);
        if (type == null) {
            throw new Unmappable(SettlementType.ADJUSTMENT.equals(typeCode)
                    ? "adjustment of reporting category '" + (category == null ? "" : category)
                            + "' is not a dispute's withdrawal or reversal"
                    : "type '" + (typeCode == null ? "" : typeCode)
                            + "' is neither charge, refund nor a dispute's adjustment");
        }
        JsonNode source = txn.path("source");
        if (!source.isObject()) {
            throw new Unmappable("source is not expanded");
        }
        String paymentIntentId = text(source, "payment_intent");
        // Optional, as the settlement file's column was: a charge Kassa did not make (no metadata) still
        // matches by its payment intent and is reported as MISSING_IN_PLATFORM, not hidden as malformed.
        // A dispute's own metadata rarely has it: the matcher finds the order by the payment intent.
        String paymentOrderId = text(source.path("metadata"), "payment_order_id");
        if (type == SettlementType.CHARGE && paymentIntentId == null) {
            throw new Unmappable("charge source has no payment_intent");
        }
        String refundId = type == SettlementType.REFUND ? text(source, "id") : null;
        if (type == SettlementType.REFUND && refundId == null) {
            throw new Unmappable("refund source has no id");
        }
        String disputeId = null;
        if (type.isDispute()) {
            // What matching a dispute's money needs: which dispute (matched by its id) and which payment it disputes.
            if (!"dispute".equals(text(source, "object"))) {
                throw new Unmappable(type.code() + " source is not a dispute");
            }
            disputeId = text(source, "id");
            if (disputeId == null) {
                throw new Unmappable(type.code() + " source has no id");
            }
            if (paymentIntentId == null) {
                throw new Unmappable(type.code() + " source has no payment_intent");
            }
        }
        long amount = integer(txn, "amount");
        long fee = integer(txn, "fee");
        long net = integer(txn, "net");
        switch (type) {
            case CHARGE -> requireSign(amount > 0, amount, "a charge", "positive");
            case REFUND -> requireSign(amount < 0, amount, "a refund", "negative");
            case DISPUTE -> requireSign(amount < 0, amount, "a dispute withdrawal", "negative");
            case DISPUTE_REVERSAL -> requireSign(amount > 0, amount, "a dispute reversal", "positive");
        }
        if (net != amount - fee) {
            throw new Unmappable("net " + net + " is not amount - fee (" + (amount - fee) + ")");
        }
        String currency = text(txn, "currency");
        currency = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
        if (!Money.isSupportedCurrency(currency)) {
            throw new Unmappable("currency '" + currency + "' is not an ISO 4217 code with minor units");
        }
        return new SettlementRow(ordinal, id, type, paymentIntentId, paymentOrderId, refundId, disputeId,
                amount, fee, net, currency, Instant.ofEpochSecond(integer(txn, "created")));
    }

    private static void requireSign(boolean ok, long amount, String what, String sign) {
        if (!ok) {
            throw new Unmappable("amount " + amount + " of " + what + " is not " + sign);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Unmappable(field + " is not an integer");
        }
        return value.asLong();
    }

    private BalanceTransactionMapper() {
    }
}
