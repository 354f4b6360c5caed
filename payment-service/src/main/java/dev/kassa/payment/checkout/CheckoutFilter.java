package dev.kassa.payment.checkout;

import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.RequestLimits;
import dev.kassa.web.validation.KassaIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/v1/payments}, each checked with a reason that names it. {@code merchantId}
 * is whose checkouts are listed: the caller's own for a merchant key, the one an operator asks for (or every
 * merchant's) otherwise.
 *
 * @param status an order status: checkouts with at least one order in it
 */
record CheckoutFilter(String merchantId, String buyerUserId, String sellerAccount, PaymentOrderStatus status,
                      String currency, Instant createdFrom, Instant createdTo, int limit, CheckoutCursor cursor) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    static CheckoutFilter parse(String merchantId, String buyerUserId, String sellerAccount, String status,
                                String currency, String createdFrom, String createdTo, String limit, String cursor) {
        Instant from = instant("created_from", createdFrom);
        Instant to = instant("created_to", createdTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw KassaProblem.invalid("created_to", "must be after created_from");
        }
        return new CheckoutFilter(id("merchant_id", merchantId), id("buyer_user_id", buyerUserId),
                id("seller_account", sellerAccount), status(status), currency(currency), from, to,
                RequestLimits.within("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), CheckoutCursor.parse(cursor));
    }

    CheckoutFilter forMerchant(String merchant) {
        return new CheckoutFilter(merchant, buyerUserId, sellerAccount, status, currency, createdFrom, createdTo, limit,
                cursor);
    }

    private static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!KassaIds.isValid(value)) {
            throw KassaProblem.invalid(field, KassaIds.RULE); // the rule the checkout's ids were accepted by
        }
        return value;
    }

    private static PaymentOrderStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return PaymentOrderStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KassaProblem.invalid("status", "must be one of " + Arrays.toString(PaymentOrderStatus.values()));
        }
    }

    private static String currency(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CURRENCY.matcher(value).matches()) {
            throw KassaProblem.invalid("currency", "must be an ISO 4217 code in capitals, like USD");
        }
        return value;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw KassaProblem.invalid(field, "must be an ISO 8601 instant, like 2026-12-04T00:00:00Z");
        }
    }
}
