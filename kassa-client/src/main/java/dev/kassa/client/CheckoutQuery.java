package dev.kassa.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of {@code GET /api/v1/payments} (the merchant's payment history, newest first), each optional and
 * combined with AND; {@link #all()} then {@code with...}. The order filters ({@code sellerAccount}, {@code status},
 * {@code currency}, {@code amountMin}, {@code amountMax}) apply to one and the same order of a checkout. Amount bounds
 * are decimal strings in {@code currency}'s units and need {@code currency}. {@code limit} is 1–200 (server default 50);
 * {@code cursor} is the previous page's {@link CheckoutPage#nextCursor()}.
 *
 * @param status an order's stored status: {@code NOT_STARTED}, {@code EXECUTING}, {@code SUCCEEDED} or {@code FAILED}
 */
public record CheckoutQuery(String buyerUserId, String sellerAccount, PaymentOrderStatus status, String currency,
                            String amountMin, String amountMax, Instant createdFrom, Instant createdTo, Integer limit,
                            String cursor) {

    public static CheckoutQuery all() {
        return new CheckoutQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public CheckoutQuery withBuyerUserId(String value) {
        return new CheckoutQuery(value, sellerAccount, status, currency, amountMin, amountMax, createdFrom, createdTo,
                limit, cursor);
    }

    public CheckoutQuery withSellerAccount(String value) {
        return new CheckoutQuery(buyerUserId, value, status, currency, amountMin, amountMax, createdFrom, createdTo,
                limit, cursor);
    }

    public CheckoutQuery withStatus(PaymentOrderStatus value) {
        return new CheckoutQuery(buyerUserId, sellerAccount, value, currency, amountMin, amountMax, createdFrom,
                createdTo, limit, cursor);
    }

    /** Orders in {@code currency} with an amount between {@code min} and {@code max} (inclusive; either may be null). */
    public CheckoutQuery withAmounts(String currency, String min, String max) {
        return new CheckoutQuery(buyerUserId, sellerAccount, status, currency, min, max, createdFrom, createdTo, limit,
                cursor);
    }

    public CheckoutQuery withCurrency(String value) {
        return new CheckoutQuery(buyerUserId, sellerAccount, status, value, amountMin, amountMax, createdFrom,
                createdTo, limit, cursor);
    }

    /** Created in {@code [from, to)}; either may be null. */
    public CheckoutQuery withCreated(Instant from, Instant to) {
        return new CheckoutQuery(buyerUserId, sellerAccount, status, currency, amountMin, amountMax, from, to, limit,
                cursor);
    }

    public CheckoutQuery withLimit(int value) {
        return new CheckoutQuery(buyerUserId, sellerAccount, status, currency, amountMin, amountMax, createdFrom,
                createdTo, value, cursor);
    }

    /** The page after the one whose {@code next_cursor} this is. */
    public CheckoutQuery withCursor(String value) {
        return new CheckoutQuery(buyerUserId, sellerAccount, status, currency, amountMin, amountMax, createdFrom,
                createdTo, limit, value);
    }

    /** The query parameters, in a fixed order, without the absent ones. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "buyer_user_id", buyerUserId);
        put(parameters, "seller_account", sellerAccount);
        if (status == PaymentOrderStatus.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is no status to filter by");
        }
        put(parameters, "status", status == null ? null : status.name());
        put(parameters, "currency", currency);
        put(parameters, "amount_min", amountMin);
        put(parameters, "amount_max", amountMax);
        put(parameters, "created_from", createdFrom == null ? null : createdFrom.toString());
        put(parameters, "created_to", createdTo == null ? null : createdTo.toString());
        put(parameters, "limit", limit == null ? null : limit.toString());
        put(parameters, "cursor", cursor);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
