package dev.kassa.ledger.journal;

import dev.kassa.ledger.account.AccountId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes journal entries and reads back what is needed to post the next one. */
@Repository
public class JournalRepository {

    /*
     * Accounts, entry and lines in one statement (one round trip). The business key decides: when an entry
     * for (payment order, kind, refund id) exists, nothing is inserted and no row comes back. The
     * database's triggers check the lines' entry, move the balances, and check the balance at commit.
     */
    private static final String POST_ENTRY = """
            WITH accounts AS (
                INSERT INTO account (id, type)
                SELECT * FROM unnest(?::text[], ?::text[])
                ON CONFLICT (id) DO NOTHING
            ), entry AS (
                INSERT INTO journal_entry (id, payment_order_id, kind, refund_id, checkout_id, seller_id,
                                           source_event_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT journal_entry_one_per_business_key DO NOTHING
                RETURNING seq
            )
            INSERT INTO journal_line (journal_entry_seq, line_no, account_id, side, amount_minor, currency)
            SELECT entry.seq, l.line_no, l.account_id, l.side, l.amount_minor, l.currency
            FROM entry, unnest(?::smallint[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                 AS l(line_no, account_id, side, amount_minor, currency)
            RETURNING journal_entry_seq
            """;

    /** An entry's amount is the sum of its debits (one currency per entry for payments and refunds). */
    private static final String SUMMARY_BY_BUSINESS_KEY = """
            SELECT e.id, e.seq, e.seller_id, sum(l.amount_minor) AS amount_minor, min(l.currency) AS currency
            FROM journal_entry e
            JOIN journal_line l ON l.journal_entry_seq = e.seq AND l.side = 'DEBIT'
            WHERE e.payment_order_id = ? AND e.kind = ? AND e.refund_id IS NOT DISTINCT FROM ?
            GROUP BY e.id, e.seq, e.seller_id
            """;

    private static final String LOCK_PAYMENT_ENTRY = """
            SELECT seq FROM journal_entry
            WHERE payment_order_id = ? AND kind = 'PAYMENT' AND refund_id IS NULL
            FOR UPDATE
            """;

    private static final String REFUNDED_MINOR = """
            SELECT coalesce(sum(l.amount_minor), 0)
            FROM journal_entry e
            JOIN journal_line l ON l.journal_entry_seq = e.seq AND l.side = 'DEBIT'
            WHERE e.payment_order_id = ? AND e.kind = 'REFUND'
            """;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    public JournalRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /**
     * Posts the entry unless one with its business key exists.
     *
     * @return the entry's sequence number, or empty when the business key was already posted
     */
    public OptionalLong post(NewJournalEntry entry) {
        List<Long> seqs = jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(POST_ENTRY)) {
                List<AccountId> accounts = entry.lines().stream().map(JournalLine::account).distinct().toList();
                Object[] accountIds = accounts.stream().map(AccountId::value).toArray();
                Object[] accountTypes = accounts.stream().map(a -> a.type().name()).toArray();
                List<JournalLine> lines = entry.lines();
                int n = lines.size();
                Object[] lineAccountIds = new Object[n];
                Object[] lineNos = new Object[n];
                Object[] sides = new Object[n];
                Object[] amounts = new Object[n];
                Object[] currencies = new Object[n];
                for (int i = 0; i < n; i++) {
                    JournalLine line = lines.get(i);
                    lineAccountIds[i] = line.account().value();
                    lineNos[i] = (short) (i + 1);
                    sides[i] = line.side().name();
                    amounts[i] = line.amountMinor();
                    currencies[i] = line.currency();
                }
                int p = 1;
                statement.setArray(p++, textArray(connection, accountIds));
                statement.setArray(p++, textArray(connection, accountTypes));
                statement.setObject(p++, entry.id());
                statement.setString(p++, entry.paymentOrderId());
                statement.setString(p++, entry.kind().name());
                statement.setString(p++, entry.refundId());
                statement.setString(p++, entry.checkoutId());
                statement.setString(p++, entry.sellerId());
                statement.setString(p++, entry.sourceEventId());
                statement.setTimestamp(p++, Timestamp.from(entry.occurredAt()));
                statement.setArray(p++, connection.createArrayOf("int2", lineNos));
                statement.setArray(p++, textArray(connection, lineAccountIds));
                statement.setArray(p++, textArray(connection, sides));
                statement.setArray(p++, connection.createArrayOf("int8", amounts));
                statement.setArray(p++, textArray(connection, currencies));
                try (ResultSet rows = statement.executeQuery()) {
                    List<Long> result = new ArrayList<>(n);
                    while (rows.next()) {
                        result.add(rows.getLong(1));
                    }
                    return result;
                }
            }
        });
        return seqs == null || seqs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(seqs.getFirst());
    }

    /** The entry posted for a business key, if any. */
    public Optional<PostedEntrySummary> findByBusinessKey(String paymentOrderId, EntryKind kind, String refundId) {
        return jdbc.sql(SUMMARY_BY_BUSINESS_KEY)
                .params(paymentOrderId, kind.name(), refundId)
                .query((rs, i) -> new PostedEntrySummary(
                        rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("seller_id"),
                        rs.getLong("amount_minor"), rs.getString("currency")))
                .optional();
    }

    /**
     * Locks the payment entry of an order until the end of the transaction, so that two refunds of one
     * order are checked against the refundable amount one after the other.
     *
     * @return whether the order's payment is posted
     */
    public boolean lockPaymentEntry(String paymentOrderId) {
        return jdbc.sql(LOCK_PAYMENT_ENTRY).param(paymentOrderId).query(Long.class).optional().isPresent();
    }

    /** What the refunds of an order posted so far add up to. */
    public long refundedMinor(String paymentOrderId) {
        return jdbc.sql(REFUNDED_MINOR).param(paymentOrderId).query(Long.class).single();
    }

    private static Array textArray(Connection connection, Object[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
