package dev.kassa.reconciliation.settlement;

import dev.kassa.schemas.money.Money;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Turns one Stripe balance transaction (with {@code source} expanded) into the row the matcher uses. A
 * transaction that cannot be mapped is reported as malformed, as a bad line of the old settlement file was.
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
        SettlementType type = SettlementType.ofCode(typeCode);
        if (type == null) {
            throw new Unmappable("type '" + (typeCode == null ? "" : typeCode) + "' is neither charge nor refund");
        }
        JsonNode source = txn.path("source");
        if (!source.isObject()) {
            throw new Unmappable("source is not expanded");
        }
        String paymentIntentId = text(source, "payment_intent");
        // Optional, as the settlement file's column was: a charge Kassa did not make (no metadata) still
        // matches by its payment intent and is reported as MISSING_IN_PLATFORM, not hidden as malformed.
        String paymentOrderId = text(source.path("metadata"), "payment_order_id");
        if (type == SettlementType.CHARGE && paymentIntentId == null) {
            throw new Unmappable("charge source has no payment_intent");
        }
        String refundId = type == SettlementType.REFUND ? text(source, "id") : null;
        if (type == SettlementType.REFUND && refundId == null) {
            throw new Unmappable("refund source has no id");
        }
        long amount = integer(txn, "amount");
        long fee = integer(txn, "fee");
        long net = integer(txn, "net");
        if (type == SettlementType.CHARGE && amount <= 0) {
            throw new Unmappable("amount " + amount + " of a charge is not positive");
        }
        if (type == SettlementType.REFUND && amount >= 0) {
            throw new Unmappable("amount " + amount + " of a refund is not negative");
        }
        if (net != amount - fee) {
            throw new Unmappable("net " + net + " is not amount - fee (" + (amount - fee) + ")");
        }
        String currency = text(txn, "currency");
        currency = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
        if (!Money.isSupportedCurrency(currency)) {
            throw new Unmappable("currency '" + currency + "' is not an ISO 4217 code with minor units");
        }
        return new SettlementRow(ordinal, id, type, paymentIntentId, paymentOrderId, refundId,
                amount, fee, net, currency, Instant.ofEpochSecond(integer(txn, "created")));
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
