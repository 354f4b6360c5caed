package dev.kassa.payment.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code checkout}: insert-if-absent for idempotent creation, and the guarded completion. */
@Repository
public class CheckoutRepository {

    private final JdbcClient jdbc;

    public CheckoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the checkout unless its id exists. Concurrent identical requests serialize on the primary
     * key: the losers wait for the winner's commit and then insert nothing.
     */
    public boolean insertIfAbsent(NewCheckout checkout) {
        return jdbc.sql("""
                INSERT INTO checkout (checkout_id, request_hash, buyer_user_id, buyer_email, buyer_name,
                                      payment_method_token, card_last4)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (checkout_id) DO NOTHING""")
                .params(checkout.checkoutId(), checkout.requestHash(), checkout.buyerUserId(), checkout.buyerEmail(),
                        checkout.buyerName(), checkout.paymentMethodToken(), checkout.cardLast4())
                .update() == 1;
    }

    public Optional<Checkout> find(String checkoutId) {
        return jdbc.sql("""
                SELECT checkout_id, request_hash, buyer_user_id, buyer_email, buyer_name, payment_method_token,
                       card_last4, status, created_at, completed_at
                  FROM checkout WHERE checkout_id = ?""")
                .param(checkoutId).query(CheckoutRepository::map).optional();
    }

    /**
     * {@code PROCESSING → COMPLETED} once every order is terminal and every succeeded one is confirmed by
     * wallet and ledger. The checkout row is locked first: two transactions finishing the last two orders
     * at once would otherwise each see the other's order unfinished, and neither would complete it.
     */
    public boolean completeIfDone(String checkoutId) {
        jdbc.sql("SELECT 1 FROM checkout WHERE checkout_id = ? FOR UPDATE").param(checkoutId).query(Integer.class).optional();
        return jdbc.sql("""
                UPDATE checkout c SET status = 'COMPLETED', completed_at = now(), updated_at = now()
                WHERE c.checkout_id = ? AND c.status = 'PROCESSING'
                  AND NOT EXISTS (
                      SELECT 1 FROM payment_order o
                       WHERE o.checkout_id = c.checkout_id
                         AND (o.status NOT IN ('SUCCEEDED', 'FAILED')
                              OR (o.status = 'SUCCEEDED' AND NOT (o.wallet_updated AND o.ledger_updated))))""")
                .param(checkoutId).update() == 1;
    }

    /** A failed order is being retried by hand, so its checkout is no longer complete. */
    public boolean reopen(String checkoutId) {
        return jdbc.sql("""
                UPDATE checkout SET status = 'PROCESSING', completed_at = NULL, updated_at = now()
                WHERE checkout_id = ? AND status = 'COMPLETED'""")
                .param(checkoutId).update() == 1;
    }

    private static Checkout map(ResultSet rs, int row) throws SQLException {
        return new Checkout(
                rs.getString("checkout_id"),
                rs.getString("request_hash"),
                rs.getString("buyer_user_id"),
                rs.getString("buyer_email"),
                rs.getString("buyer_name"),
                rs.getString("payment_method_token"),
                rs.getString("card_last4"),
                CheckoutStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
