package dev.kassa.wallet.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only queries behind the wallet API. */
@Repository
class WalletReadRepository {

    record BalanceRow(String accountId, String currency, long balanceMinor, Instant updatedAt) {
    }

    record MovementRow(long seq, UUID movementId, String kind, String currency, long amountMinor,
                       long balanceAfterMinor, String sourceEventId, String paymentOrderId, String checkoutId,
                       String refundId, Instant occurredAt, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    WalletReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BalanceRow> balances(String accountId) {
        return jdbc.sql("""
                        SELECT account_id, currency, balance_minor, updated_at
                          FROM wallet_balance WHERE account_id = :account ORDER BY currency
                        """)
                .param("account", accountId)
                .query((rs, n) -> new BalanceRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    boolean walletExists(String accountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wallet_balance WHERE account_id = :account)")
                .param("account", accountId)
                .query(Boolean.class)
                .single();
    }

    /** Up to {@code limit} movements of the account, newest first, strictly older than {@code beforeSeq}. */
    List<MovementRow> movements(String accountId, long beforeSeq, int limit) {
        return jdbc.sql("""
                        SELECT seq, movement_id, kind, currency, amount_minor, balance_after_minor, source_event_id,
                               payment_order_id, checkout_id, refund_id, occurred_at, recorded_at
                          FROM wallet_movement
                         WHERE account_id = :account AND seq < :before
                         ORDER BY seq DESC
                         LIMIT :limit
                        """)
                .param("account", accountId)
                .param("before", beforeSeq)
                .param("limit", limit)
                .query((rs, n) -> new MovementRow(rs.getLong("seq"), rs.getObject("movement_id", UUID.class),
                        rs.getString("kind"), rs.getString("currency"), rs.getLong("amount_minor"),
                        rs.getLong("balance_after_minor"), rs.getString("source_event_id"),
                        rs.getString("payment_order_id"), rs.getString("checkout_id"), rs.getString("refund_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Balances below zero, most negative first (operators' view of sellers who owe refunds). */
    List<BalanceRow> balancesBelowZero(int limit) {
        return jdbc.sql("""
                        SELECT account_id, currency, balance_minor, updated_at
                          FROM wallet_balance WHERE balance_minor < 0
                         ORDER BY balance_minor, account_id, currency
                         LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new BalanceRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    long countBalancesBelowZero() {
        return jdbc.sql("SELECT count(*) FROM wallet_balance WHERE balance_minor < 0").query(Long.class).single();
    }
}
