package dev.kassa.payment.checkout;

import dev.kassa.payment.EntityRows;
import dev.kassa.payment.audit.AuditEntry;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.order.PaymentOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * On JdbcTemplate because it is one statement of three data-modifying CTEs, which repository methods cannot
 * express. The checkout comes back under {@code c_} names beside each inserted order (one row with no order when
 * none was inserted); orders map as their repository maps them.
 */
class CheckoutCreationImpl implements CheckoutCreation {

    private static final String INSERT = """
            WITH new_checkout AS (
                INSERT INTO checkout (checkout_id, merchant_id, request_hash, buyer_user_id, buyer_email, buyer_name,
                                      payment_method_token, card_last4, client_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (checkout_id) DO NOTHING
                RETURNING *
            ), new_orders AS (
                INSERT INTO payment_order (payment_order_id, checkout_id, merchant_id, position, seller_account,
                                           amount_minor, currency)
                SELECT o.payment_order_id, c.checkout_id, c.merchant_id, o.position - 1, o.seller_account,
                       o.amount_minor, o.currency
                  FROM new_checkout c,
                       unnest(?::text[], ?::text[], ?::bigint[], ?::text[])
                           WITH ORDINALITY AS o(payment_order_id, seller_account, amount_minor, currency, position)
                 ORDER BY o.position
                ON CONFLICT (payment_order_id) DO NOTHING
                RETURNING *
            ), audit AS (
                INSERT INTO audit_event (actor, credential, client_address, request_id, action, target_type, target_id,
                                         merchant_id, detail)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM new_checkout
            )
            SELECT c.checkout_id AS c_checkout_id, c.request_hash AS c_request_hash, c.buyer_user_id AS c_buyer_user_id,
                   c.buyer_email AS c_buyer_email, c.buyer_name AS c_buyer_name,
                   c.payment_method_token AS c_payment_method_token, c.card_last4 AS c_card_last4,
                   c.status AS c_status, c.created_at AS c_created_at, c.completed_at AS c_completed_at,
                   c.merchant_id AS c_merchant_id, o.*
              FROM new_checkout c LEFT JOIN new_orders o ON true
             ORDER BY o.position""";

    private final JdbcTemplate jdbc;
    private final RowMapper<PaymentOrder> orders;

    CheckoutCreationImpl(JdbcTemplate jdbc, JdbcConverter converter) {
        this.jdbc = jdbc;
        this.orders = EntityRows.of(converter, PaymentOrder.class);
    }

    @Override
    public Optional<Created> insertIfAbsent(NewCheckout checkout, AuditEntry audit) {
        List<NewPaymentOrder> requested = checkout.paymentOrders();
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT);
            int i = 0;
            statement.setString(++i, checkout.checkoutId());
            statement.setString(++i, checkout.merchantId());
            statement.setString(++i, checkout.requestHash());
            statement.setString(++i, checkout.buyerUserId());
            statement.setString(++i, checkout.buyerEmail());
            statement.setString(++i, checkout.buyerName());
            statement.setString(++i, checkout.paymentMethodToken());
            statement.setString(++i, checkout.cardLast4());
            statement.setString(++i, checkout.clientAddress());
            statement.setArray(++i, connection.createArrayOf("text",
                    requested.stream().map(NewPaymentOrder::paymentOrderId).toArray()));
            statement.setArray(++i, connection.createArrayOf("text",
                    requested.stream().map(NewPaymentOrder::sellerAccount).toArray()));
            statement.setArray(++i, connection.createArrayOf("bigint",
                    requested.stream().map(NewPaymentOrder::amountMinor).toArray()));
            statement.setArray(++i, connection.createArrayOf("text",
                    requested.stream().map(NewPaymentOrder::currency).toArray()));
            for (String value : Arrays.asList(audit.actor(), audit.credential(), audit.clientAddress(), audit.requestId(),
                    audit.action(), audit.targetType(), audit.targetId(), audit.merchantId(), audit.detail())) {
                statement.setString(++i, value);
            }
            return statement;
        }, this::created);
    }

    private Optional<Created> created(ResultSet rows) throws SQLException {
        Checkout checkout = null;
        List<PaymentOrder> inserted = new ArrayList<>();
        while (rows.next()) {
            if (checkout == null) {
                checkout = checkout(rows);
            }
            if (rows.getString("payment_order_id") != null) {
                inserted.add(orders.mapRow(rows, inserted.size()));
            }
        }
        return Optional.ofNullable(checkout).map(created -> new Created(created, List.copyOf(inserted)));
    }

    private static Checkout checkout(ResultSet row) throws SQLException {
        return new Checkout(row.getString("c_checkout_id"), row.getString("c_request_hash"),
                row.getString("c_buyer_user_id"), row.getString("c_buyer_email"), row.getString("c_buyer_name"),
                row.getString("c_payment_method_token"), row.getString("c_card_last4"),
                CheckoutStatus.valueOf(row.getString("c_status")), instant(row, "c_created_at"),
                instant(row, "c_completed_at"), row.getString("c_merchant_id"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
