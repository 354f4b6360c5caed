package dev.kassa.ledger.journal;

import dev.kassa.ledger.account.AccountId;
import dev.kassa.ledger.account.Side;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes journal entries and reads back what is needed to post the next one. Set-based: a consumer's whole poll
 * of entries and lines is ONE statement, and the checks are single aggregate queries (and a row lock).
 */
@Repository
public class JournalRepository {

    /*
     * Accounts, entries and lines of many entries in one statement (one round trip), all from arrays. The
     * business key decides: an entry whose (payment order, kind, refund id, dispute id) exists is not inserted,
     * and neither are its lines. A seller's merchant is recorded by the first entry that names one. The database's
     * triggers check the lines' entries, move the balances, and check the balance of every new entry at commit.
     * Returns the entries inserted.
     */
    private static final String POST_ENTRIES = """
            WITH accounts AS (
                INSERT INTO account (id, type)
                SELECT * FROM unnest(?::text[], ?::text[])
                ON CONFLICT (id) DO NOTHING
            ), merchants AS (
                INSERT INTO seller_merchant (seller_id, merchant_id)
                SELECT * FROM unnest(?::text[], ?::text[])
                ON CONFLICT (seller_id) DO NOTHING
            ), entry AS (
                INSERT INTO journal_entry (id, payment_order_id, kind, refund_id, dispute_id, checkout_id, seller_id,
                                           source_event_id, occurred_at)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::timestamptz[])
                ON CONFLICT ON CONSTRAINT journal_entry_one_per_business_key DO NOTHING
                RETURNING id, seq
            ), line AS (
                INSERT INTO journal_line (journal_entry_seq, line_no, account_id, side, amount_minor, currency)
                SELECT entry.seq, l.line_no, l.account_id, l.side, l.amount_minor, l.currency
                FROM unnest(?::uuid[], ?::smallint[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                     AS l(entry_id, line_no, account_id, side, amount_minor, currency)
                JOIN entry ON entry.id = l.entry_id
            )
            SELECT id, seq FROM entry
            """;

    /** An entry's amount is the sum of its debits (one currency per entry for payments and refunds). */
    private static final String SUMMARY_BY_BUSINESS_KEY = """
            SELECT e.id, e.seq, e.seller_id, sum(l.amount_minor) AS amount_minor, min(l.currency) AS currency
            FROM journal_entry e
            JOIN journal_line l ON l.journal_entry_seq = e.seq AND l.side = 'DEBIT'
            WHERE e.payment_order_id = ? AND e.kind = ? AND e.refund_id IS NOT DISTINCT FROM ? AND e.dispute_id IS NULL
            GROUP BY e.id, e.seq, e.seller_id
            """;

    /** A dispute's entry of one kind, whatever order it was posted for (index journal_entry_one_per_dispute). */
    private static final String DISPUTE_ENTRY = """
            SELECT e.id, e.payment_order_id, e.seller_id, l.account_id, l.side, l.amount_minor, l.currency
            FROM journal_entry e
            JOIN journal_line l ON l.journal_entry_seq = e.seq
            WHERE e.dispute_id = ? AND e.kind = ?
            ORDER BY l.line_no
            """;

    /**
     * Refunds and disputes of one order take turns on a transaction-level advisory lock, not on a row lock of its
     * journal entry: {@code FOR UPDATE} needs the UPDATE privilege, which the ledger's runtime role has on no journal
     * table. The two-key form keeps clear of the outbox relay's one-key lock; a hash collision only makes two orders'
     * refunds take turns.
     */
    private static final String LOCK_ORDER_REFUNDS = "SELECT 1 FROM pg_advisory_xact_lock(?, hashtext(?))";
    private static final int REFUND_LOCK_SPACE = 0x4c524546; // "LREF"

    /** After the lock, a statement of its own: it reads with a snapshot taken after the previous holder committed. */
    private static final String PAYMENT_ENTRY = """
            SELECT seq FROM journal_entry
            WHERE payment_order_id = ? AND kind = 'PAYMENT' AND refund_id IS NULL
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
        Long seq = postAll(List.of(entry)).get(entry.id());
        return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    /**
     * Posts the entries whose business key is not posted yet, with one statement. The entries' business keys
     * must be distinct (the caller decides which of two events for one key comes first).
     *
     * @return the sequence number of each entry inserted, by entry id; an entry whose business key was
     *         already posted is missing
     */
    public Map<UUID, Long> postAll(List<NewJournalEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> inserted = jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(POST_ENTRIES)) {
                EntryArrays arrays = new EntryArrays(entries);
                int p = 1;
                statement.setArray(p++, textArray(connection, arrays.accountIds));
                statement.setArray(p++, textArray(connection, arrays.accountTypes));
                statement.setArray(p++, textArray(connection, arrays.merchantSellers));
                statement.setArray(p++, textArray(connection, arrays.merchantIds));
                statement.setArray(p++, connection.createArrayOf("uuid", arrays.entryIds));
                statement.setArray(p++, textArray(connection, arrays.paymentOrderIds));
                statement.setArray(p++, textArray(connection, arrays.kinds));
                statement.setArray(p++, textArray(connection, arrays.refundIds));
                statement.setArray(p++, textArray(connection, arrays.disputeIds));
                statement.setArray(p++, textArray(connection, arrays.checkoutIds));
                statement.setArray(p++, textArray(connection, arrays.sellerIds));
                statement.setArray(p++, textArray(connection, arrays.sourceEventIds));
                statement.setArray(p++, connection.createArrayOf("timestamptz", arrays.occurredAts));
                statement.setArray(p++, connection.createArrayOf("uuid", arrays.lineEntryIds));
                statement.setArray(p++, connection.createArrayOf("int2", arrays.lineNos));
                statement.setArray(p++, textArray(connection, arrays.lineAccountIds));
                statement.setArray(p++, textArray(connection, arrays.sides));
                statement.setArray(p++, connection.createArrayOf("int8", arrays.amounts));
                statement.setArray(p++, textArray(connection, arrays.currencies));
                try (ResultSet rows = statement.executeQuery()) {
                    Map<UUID, Long> result = new HashMap<>();
                    while (rows.next()) {
                        result.put(rows.getObject(1, UUID.class), rows.getLong(2));
                    }
                    return result;
                }
            }
        });
        return inserted == null ? Map.of() : inserted;
    }

    /** The entry posted for the business key of a payment or refund, if any. */
    public Optional<PostedEntrySummary> findByBusinessKey(String paymentOrderId, EntryKind kind, String refundId) {
        return jdbc.sql(SUMMARY_BY_BUSINESS_KEY)
                .params(paymentOrderId, kind.name(), refundId)
                .query((rs, i) -> new PostedEntrySummary(
                        rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("seller_id"),
                        rs.getLong("amount_minor"), rs.getString("currency")))
                .optional();
    }

    /** The entry of a dispute's withdrawal or reinstatement, with its lines in order, if it is posted. */
    public Optional<PostedEntry> findDisputeEntry(String disputeId, EntryKind kind) {
        if (!kind.isDispute()) {
            throw new IllegalArgumentException(kind + " entries name no dispute");
        }
        List<DisputeLine> rows = jdbc.sql(DISPUTE_ENTRY).params(disputeId, kind.name())
                .query((rs, i) -> new DisputeLine(rs.getObject("id", UUID.class), rs.getString("payment_order_id"),
                        rs.getString("seller_id"), new JournalLine(new AccountId(rs.getString("account_id")),
                                Side.valueOf(rs.getString("side")), rs.getLong("amount_minor"),
                                rs.getString("currency"))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        DisputeLine first = rows.getFirst();
        return Optional.of(new PostedEntry(first.entryId(), first.paymentOrderId(), first.sellerId(),
                rows.stream().map(DisputeLine::line).toList()));
    }

    /** One row of {@link #DISPUTE_ENTRY}: the entry's columns repeat on each of its lines. */
    private record DisputeLine(UUID entryId, String paymentOrderId, String sellerId, JournalLine line) {
    }

    /**
     * Locks the refunds and disputes of an order until the end of the transaction, so that two of them are checked
     * against the order's entries one after the other.
     *
     * @return whether the order's payment is posted
     */
    public boolean lockPaymentEntry(String paymentOrderId) {
        jdbc.sql(LOCK_ORDER_REFUNDS).params(REFUND_LOCK_SPACE, paymentOrderId).query(Integer.class).single();
        return jdbc.sql(PAYMENT_ENTRY).param(paymentOrderId).query(Long.class).optional().isPresent();
    }

    /** What the refunds of an order posted so far add up to. */
    public long refundedMinor(String paymentOrderId) {
        return jdbc.sql(REFUNDED_MINOR).param(paymentOrderId).query(Long.class).single();
    }

    /** The statement's parameters: one array per column, entries and their lines in the order given. */
    private static final class EntryArrays {

        final Object[] accountIds;
        final Object[] accountTypes;
        final Object[] merchantSellers;
        final Object[] merchantIds;
        final Object[] entryIds;
        final Object[] paymentOrderIds;
        final Object[] kinds;
        final Object[] refundIds;
        final Object[] disputeIds;
        final Object[] checkoutIds;
        final Object[] sellerIds;
        final Object[] sourceEventIds;
        final Object[] occurredAts;
        final Object[] lineEntryIds;
        final Object[] lineNos;
        final Object[] lineAccountIds;
        final Object[] sides;
        final Object[] amounts;
        final Object[] currencies;

        EntryArrays(List<NewJournalEntry> entries) {
            int n = entries.size();
            int lineCount = entries.stream().mapToInt(e -> e.lines().size()).sum();
            entryIds = new Object[n];
            paymentOrderIds = new Object[n];
            kinds = new Object[n];
            refundIds = new Object[n];
            disputeIds = new Object[n];
            checkoutIds = new Object[n];
            sellerIds = new Object[n];
            sourceEventIds = new Object[n];
            occurredAts = new Object[n];
            lineEntryIds = new Object[lineCount];
            lineNos = new Object[lineCount];
            lineAccountIds = new Object[lineCount];
            sides = new Object[lineCount];
            amounts = new Object[lineCount];
            currencies = new Object[lineCount];
            // Sorted: new accounts are inserted in one order, so two batches never wait for each other crosswise.
            Set<AccountId> accounts = new TreeSet<>(Comparator.comparing(AccountId::value));
            // The first entry naming a seller's merchant speaks for it; sorted, like the accounts.
            Map<String, String> merchantBySeller = new TreeMap<>();
            int l = 0;
            for (int i = 0; i < n; i++) {
                NewJournalEntry entry = entries.get(i);
                entryIds[i] = entry.id();
                paymentOrderIds[i] = entry.paymentOrderId();
                kinds[i] = entry.kind().name();
                refundIds[i] = entry.refundId();
                disputeIds[i] = entry.disputeId();
                checkoutIds[i] = entry.checkoutId();
                sellerIds[i] = entry.sellerId();
                sourceEventIds[i] = entry.sourceEventId();
                occurredAts[i] = Timestamp.from(entry.occurredAt());
                if (entry.merchantId() != null) {
                    merchantBySeller.putIfAbsent(entry.sellerId(), entry.merchantId());
                }
                List<JournalLine> lines = entry.lines();
                for (int j = 0; j < lines.size(); j++, l++) {
                    JournalLine line = lines.get(j);
                    accounts.add(line.account());
                    lineEntryIds[l] = entry.id();
                    lineNos[l] = (short) (j + 1);
                    lineAccountIds[l] = line.account().value();
                    sides[l] = line.side().name();
                    amounts[l] = line.amountMinor();
                    currencies[l] = line.currency();
                }
            }
            accountIds = accounts.stream().map(AccountId::value).toArray();
            accountTypes = accounts.stream().map(a -> a.type().name()).toArray();
            merchantSellers = merchantBySeller.keySet().toArray();
            merchantIds = merchantBySeller.values().toArray();
        }
    }

    private static Array textArray(Connection connection, Object[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
