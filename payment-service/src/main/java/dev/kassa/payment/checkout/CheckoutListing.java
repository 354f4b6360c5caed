package dev.kassa.payment.checkout;

import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment history: checkouts newest first, filtered, a page at a time. A page is three statements: the page's
 * ids (with only the filters given, so that each plan uses the indexes that fit), its checkouts and their orders.
 */
@Component
class CheckoutListing {

    private final JdbcClient jdbc;
    private final Checkouts checkouts;
    private final PaymentOrders orders;

    CheckoutListing(JdbcClient jdbc, Checkouts checkouts, PaymentOrders orders) {
        this.jdbc = jdbc;
        this.checkouts = checkouts;
        this.orders = orders;
    }

    /** One snapshot for the three statements: a checkout completing meanwhile shows one state throughout. */
    @Transactional(readOnly = true)
    CheckoutPage page(CheckoutFilter filter) {
        IdsQuery query = idsQuery(filter);
        List<CheckoutCursor> keys = jdbc.sql(query.sql()).params(query.params())
                .query((rs, row) -> new CheckoutCursor(rs.getTimestamp("created_at").toInstant(),
                        rs.getString("checkout_id")))
                .list();
        boolean more = keys.size() > filter.limit();
        List<CheckoutCursor> page = more ? keys.subList(0, filter.limit()) : keys;
        if (page.isEmpty()) {
            return new CheckoutPage(List.of(), null);
        }
        List<String> ids = page.stream().map(CheckoutCursor::checkoutId).toList();
        Map<String, Checkout> byId = checkouts.findAllByIdIn(ids).stream()
                .collect(Collectors.toMap(Checkout::checkoutId, Function.identity()));
        Map<String, List<PaymentOrder>> ordersByCheckout = orders.findByCheckoutIdIn(ids).stream()
                .collect(Collectors.groupingBy(PaymentOrder::checkoutId));
        List<CheckoutView> views = new ArrayList<>();
        for (String id : ids) {
            views.add(CheckoutView.of(byId.get(id), ordersByCheckout.getOrDefault(id, List.of())));
        }
        return new CheckoutPage(views, more ? page.getLast().encode() : null);
    }

    /** The page's ids: the statement with only the filters given and its parameters. */
    static IdsQuery idsQuery(CheckoutFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT c.checkout_id, c.created_at FROM checkout c WHERE true");
        Map<String, Object> params = new HashMap<>();
        where(sql, params, "c.merchant_id = :merchant", "merchant", filter.merchantId());
        where(sql, params, "c.buyer_user_id = :buyer", "buyer", filter.buyerUserId());
        where(sql, params, "c.created_at >= :from", "from", timestamp(filter.createdFrom()));
        where(sql, params, "c.created_at < :to", "to", timestamp(filter.createdTo()));
        if (filter.restrictsOrders()) {
            // One order meets every order condition; the amount bounds are in minor units of the currency required
            // with them. Per checkout the orders are read by payment_order_checkout_idx.
            sql.append(" AND EXISTS (SELECT 1 FROM payment_order o WHERE o.checkout_id = c.checkout_id");
            where(sql, params, "o.seller_account = :seller", "seller", filter.sellerAccount());
            where(sql, params, "o.status = :status", "status", filter.status() == null ? null : filter.status().name());
            where(sql, params, "o.currency = :currency", "currency", filter.currency());
            where(sql, params, "o.amount_minor >= :amountMin", "amountMin", filter.amountMin());
            where(sql, params, "o.amount_minor <= :amountMax", "amountMax", filter.amountMax());
            sql.append(")");
        }
        if (filter.cursor() != null) {
            sql.append(" AND (c.created_at, c.checkout_id) < (:afterCreated, :afterId)");
            params.put("afterCreated", timestamp(filter.cursor().createdAt()));
            params.put("afterId", filter.cursor().checkoutId());
        }
        sql.append(" ORDER BY c.created_at DESC, c.checkout_id DESC LIMIT :limit");
        params.put("limit", filter.limit() + 1);
        return new IdsQuery(sql.toString(), params);
    }

    record IdsQuery(String sql, Map<String, Object> params) {
    }

    private static void where(StringBuilder sql, Map<String, Object> params, String predicate, String name,
                              Object value) {
        if (value != null) {
            sql.append(" AND ").append(predicate);
            params.put(name, value);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
