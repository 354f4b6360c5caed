package dev.kassa.payment.checkout;

import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.schemas.money.Money;
import dev.kassa.schemas.money.MoneyFormatException;
import dev.kassa.schemas.money.MoneyFormatException.Reason;
import dev.kassa.web.FieldViolation;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.RequestLimits;
import dev.kassa.web.validation.KassaIds;
import dev.kassa.web.validation.PanDetector;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The query parameters of {@code GET /api/v1/payments}, each checked with a reason that names it. {@code merchantId}
 * is whose checkouts are listed: the caller's own for a merchant key, the one an operator asks for (or every
 * merchant's) otherwise.
 *
 * <p>{@code seller_account}, {@code status}, {@code currency} and the amount bounds all describe one order: a checkout
 * is listed when at least one of its orders meets every one of them given.
 *
 * @param status    an order status: checkouts with at least one order in it
 * @param amountMin the least order amount (inclusive), in minor units of {@code currency}; null for no lower bound
 * @param amountMax the greatest order amount (inclusive), in minor units of {@code currency}; null for no upper bound
 */
record CheckoutFilter(String merchantId, String buyerUserId, String sellerAccount, PaymentOrderStatus status,
                      String currency, Long amountMin, Long amountMax, Instant createdFrom, Instant createdTo,
                      int limit, CheckoutCursor cursor) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String AMOUNT_MIN = "amount_min";
    private static final String AMOUNT_MAX = "amount_max";
    private static final String NEEDS_CURRENCY = "needs currency: an amount is in the minor units of its currency";

    static CheckoutFilter parse(String merchantId, String buyerUserId, String sellerAccount, String status,
                                String currency, String amountMin, String amountMax, String createdFrom,
                                String createdTo, String limit, String cursor) {
        Instant from = instant("created_from", createdFrom);
        Instant to = instant("created_to", createdTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw KassaProblem.invalid("created_to", "must be after created_from");
        }
        String code = currency(currency);
        requireCurrencyForAmounts(code, amountMin, amountMax);
        Long min = amount(AMOUNT_MIN, amountMin, code);
        Long max = amount(AMOUNT_MAX, amountMax, code);
        if (min != null && max != null && min > max) {
            throw KassaProblem.invalid(AMOUNT_MAX, "must not be less than amount_min");
        }
        return new CheckoutFilter(id("merchant_id", merchantId), id("buyer_user_id", buyerUserId),
                id("seller_account", sellerAccount), status(status), code, min, max, from, to,
                RequestLimits.within("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), CheckoutCursor.parse(cursor));
    }

    CheckoutFilter forMerchant(String merchant) {
        return new CheckoutFilter(merchant, buyerUserId, sellerAccount, status, currency, amountMin, amountMax,
                createdFrom, createdTo, limit, cursor);
    }

    /** Whether any condition is on a checkout's orders (one order must meet them all). */
    boolean restrictsOrders() {
        return sellerAccount != null || status != null || currency != null || amountMin != null || amountMax != null;
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

    /** An amount's minor units depend on its currency, so a bound without one cannot be compared. */
    private static void requireCurrencyForAmounts(String currency, String amountMin, String amountMax) {
        if (currency != null) {
            return;
        }
        List<FieldViolation> missing = new ArrayList<>();
        if (amountMin != null && !amountMin.isEmpty()) {
            missing.add(new FieldViolation(AMOUNT_MIN, NEEDS_CURRENCY));
        }
        if (amountMax != null && !amountMax.isEmpty()) {
            missing.add(new FieldViolation(AMOUNT_MAX, NEEDS_CURRENCY));
        }
        if (!missing.isEmpty()) {
            throw KassaProblem.invalid(missing);
        }
    }

    /**
     * A bound as the API takes amounts ("12.50", the shared money code), in minor units of {@code currency}: no more
     * decimals than the currency has, not negative. Zero is accepted (every order amount is positive, so
     * {@code amount_min=0} bounds nothing), and no configured maximum applies: a filter only compares.
     */
    private static Long amount(String field, String value, String currency) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (PanDetector.containsPan(value)) {
            throw KassaProblem.invalid(field, KassaIds.CARD_NUMBER); // before parsing: never echoed
        }
        if (!Money.isSupportedCurrency(currency)) {
            throw KassaProblem.invalid("currency", "is not an ISO 4217 currency with minor units, so " + field
                    + " cannot be converted to them");
        }
        try {
            return Money.parseMinor(value, currency, Long.MAX_VALUE);
        } catch (MoneyFormatException e) {
            if (e.reason() == Reason.NOT_POSITIVE && !value.startsWith("-")) {
                return 0L; // zero: refused as a payment's amount, but a bound may be zero
            }
            throw KassaProblem.invalid(field, switch (e.reason()) {
                case NOT_POSITIVE -> "must not be negative";
                case TOO_MANY_DECIMALS -> "has more decimals than " + currency + " allows ("
                        + Money.fractionDigits(currency) + ")";
                case ABOVE_MAXIMUM -> "is too large";
                default -> "must be a plain decimal in " + currency + ", like " + Money.formatMinor(1250, currency);
            });
        }
    }
}
