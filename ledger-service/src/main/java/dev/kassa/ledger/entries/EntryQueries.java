package dev.kassa.ledger.entries;

import dev.kassa.schemas.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pages of journal entries in posting order. Each filter has a query that walks an index in that order and
 * stops after the page: the payment order's entries, the account's lines (account_id, journal_entry_seq),
 * or the entries' primary key. Set-based rather than aggregate loads: the page's lines come with ONE query,
 * where loading each entry as an aggregate would query lines once per entry.
 */
@Repository
class EntryQueries {

    private static final String ENTRY_COLUMNS = """
            e.seq, e.id, e.payment_order_id, e.kind, e.refund_id, e.dispute_id, e.checkout_id, e.seller_id,
            e.source_event_id, e.occurred_at, e.recorded_at""";

    private static final String BY_PAYMENT_ORDER = """
            SELECT %s FROM journal_entry e
            WHERE e.payment_order_id = :paymentOrderId AND e.seq > :after
              AND (CAST(:account AS text) IS NULL OR EXISTS (
                   SELECT 1 FROM journal_line l WHERE l.journal_entry_seq = e.seq AND l.account_id = :account))
            ORDER BY e.seq LIMIT :limit
            """.formatted(ENTRY_COLUMNS);

    private static final String BY_ACCOUNT = """
            WITH page AS (
                SELECT DISTINCT l.journal_entry_seq AS seq FROM journal_line l
                WHERE l.account_id = :account AND l.journal_entry_seq > :after
                ORDER BY 1 LIMIT :limit
            )
            SELECT %s FROM page JOIN journal_entry e ON e.seq = page.seq
            ORDER BY e.seq
            """.formatted(ENTRY_COLUMNS);

    private static final String ALL = """
            SELECT %s FROM journal_entry e WHERE e.seq > :after ORDER BY e.seq LIMIT :limit
            """.formatted(ENTRY_COLUMNS);

    private static final String LINES = """
            SELECT journal_entry_seq, line_no, account_id, side, amount_minor, currency FROM journal_line
            WHERE journal_entry_seq IN (:seqs) ORDER BY journal_entry_seq, line_no
            """;

    private final JdbcClient jdbc;

    EntryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    EntriesPage page(EntryFilter filter) {
        // One more than the page tells whether a next page exists.
        int fetch = filter.limit() + 1;
        String account = filter.account() == null ? null : filter.account().value();
        String sql = filter.paymentOrderId() != null ? BY_PAYMENT_ORDER : account != null ? BY_ACCOUNT : ALL;
        List<EntryRow> rows = jdbc.sql(sql)
                .param("paymentOrderId", filter.paymentOrderId())
                .param("account", account)
                .param("after", filter.cursor().afterSeq())
                .param("limit", fetch)
                .query(EntryQueries::entryRow)
                .list();
        boolean more = rows.size() > filter.limit();
        List<EntryRow> page = more ? rows.subList(0, filter.limit()) : rows;
        Map<Long, List<EntryView.Line>> lines = linesOf(page);
        List<EntryView> entries = page.stream()
                .map(row -> row.toView(lines.getOrDefault(row.seq(), List.of())))
                .toList();
        String next = more ? new EntryCursor(page.getLast().seq()).encode() : null;
        return new EntriesPage(entries, next);
    }

    private Map<Long, List<EntryView.Line>> linesOf(List<EntryRow> entries) {
        Map<Long, List<EntryView.Line>> lines = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return lines;
        }
        List<Long> seqs = entries.stream().map(EntryRow::seq).toList();
        jdbc.sql(LINES).param("seqs", seqs).query((ResultSet rs) -> {
            long amountMinor = rs.getLong("amount_minor");
            String currency = rs.getString("currency");
            lines.computeIfAbsent(rs.getLong("journal_entry_seq"), s -> new ArrayList<>()).add(new EntryView.Line(
                    rs.getInt("line_no"), rs.getString("account_id"), rs.getString("side"),
                    Money.formatMinor(amountMinor, currency), amountMinor, currency));
        });
        return lines;
    }

    private static EntryRow entryRow(ResultSet rs, int rowNum) throws SQLException {
        return new EntryRow(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getString("payment_order_id"),
                rs.getString("kind"), rs.getString("refund_id"), rs.getString("dispute_id"),
                rs.getString("checkout_id"), rs.getString("seller_id"), rs.getString("source_event_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant());
    }

    private record EntryRow(long seq, UUID id, String paymentOrderId, String kind, String refundId, String disputeId,
            String checkoutId, String sellerId, String sourceEventId, Instant occurredAt, Instant recordedAt) {

        EntryView toView(List<EntryView.Line> lines) {
            return new EntryView(id, paymentOrderId, kind, refundId, disputeId, checkoutId, sellerId, sourceEventId,
                    occurredAt, recordedAt, lines);
        }
    }
}
