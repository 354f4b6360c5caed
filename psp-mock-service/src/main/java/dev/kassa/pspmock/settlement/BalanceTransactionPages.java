package dev.kassa.pspmock.settlement;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.kassa.pspmock.api.DbTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pages of {@code GET /v1/balance_transactions}, with the settlement discrepancies applied as the CSV file applies
 * them: a dropped row is absent, a changed amount changed (the last change wins), an added row present. A page is
 * one statement: two ordered range scans (the transactions and the added rows, on the indexes of changeset 007)
 * merged and cut at {@code limit + 1}, the expanded sources joined to that page only.
 */
@Repository
class BalanceTransactionPages {

    /** Ordering key: created in whole seconds, as the API shows it, so "created desc, id desc" holds on the wire. */
    private static final String SECOND = "date_trunc('second', %s.created_at at time zone 'UTC')";

    /** Where a page starts: the cursor transaction's position in the order. */
    record Position(LocalDateTime second, String id) {
    }

    private final JdbcClient jdbc;

    BalanceTransactionPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of a listed (or dropped) transaction, or of an added row; empty for an unknown id. */
    Optional<Position> positionOf(String id) {
        return jdbc.sql("select " + SECOND.formatted("b") + " as second, b.id from balance_transaction b where b.id = :id "
                        + "union all select " + SECOND.formatted("s") + ", s.balance_transaction_id "
                        + "from settlement_discrepancy s where s.balance_transaction_id = :id and s.kind = 'add_row' "
                        + "limit 1")
                .param("id", id)
                .query((rs, n) -> new Position(rs.getObject("second", LocalDateTime.class), rs.getString("id")))
                .optional();
    }

    /**
     * Up to {@code limit + 1} transactions after {@code from} in the query's direction, newest first (so a caller
     * knows whether there are more). A query that can match nothing (another type, a payout) reads nothing.
     */
    List<ListedTransaction> page(BalanceTransactionQuery query, Position from) {
        Map<String, Object> params = new HashMap<>();
        String direction = query.backwards() ? "asc" : "desc";
        String order = " order by created_second " + direction + ", id " + direction;
        String listed = "(select b.id, b.type, b.payment_intent_id, b.payment_order_id, b.refund_id, b.dispute_id, "
                + "coalesce((select c.amount from settlement_discrepancy c where c.balance_transaction_id = b.id "
                + "  and c.kind = 'change_amount' order by c.id desc limit 1), b.amount) as amount, "
                + "b.amount as original_amount, b.fee, b.currency, b.created_at, false as added, "
                + SECOND.formatted("b") + " as created_second "
                + "from balance_transaction b where "
                + conditions(query, from, "b", "b.id", true, params)
                + " and not exists (select 1 from settlement_discrepancy d where d.balance_transaction_id = b.id "
                + "  and d.kind = 'drop_row')"
                + order + " limit :fetch)";
        String addedRows = "(select s.balance_transaction_id as id, s.type, s.payment_intent_id, s.payment_order_id, "
                + "s.refund_id, null::text as dispute_id, s.amount, s.amount as original_amount, s.fee, s.currency, "
                + "s.created_at, true as added, "
                + SECOND.formatted("s") + " as created_second "
                + "from settlement_discrepancy s where s.kind = 'add_row' and "
                + conditions(query, from, "s", "s.balance_transaction_id", false, params)
                + order + " limit :fetch)";
        String page = "select * from (" + listed + " union all " + addedRows + ") p" + order + " limit :fetch";
        String sql = query.expandSource()
                ? "select p.*, coalesce(i.metadata, r.metadata, d.metadata)::text as source_metadata, "
                + "coalesce(r.created_at, d.created_at) as source_created_at, d.reason as dispute_reason, "
                + "d.status as dispute_status, d.amount as dispute_amount from (" + page + ") p "
                + "left join payment_intent i on i.id = p.payment_intent_id and not p.added and p.type = 'charge' "
                + "left join refund r on r.id = p.refund_id and not p.added "
                + "left join dispute d on d.id = p.dispute_id"
                + " order by p.created_second desc, p.id desc"
                : "select p.*, null as source_metadata, null::timestamptz as source_created_at, null as dispute_reason, "
                + "null as dispute_status, null::bigint as dispute_amount from (" + page + ") p"
                + " order by p.created_second desc, p.id desc";
        params.put("fetch", query.limit() + 1);
        return jdbc.sql(sql).params(params).query(ROW).list();
    }

    /**
     * The query's conditions on the rows of {@code alias}, whose transaction id is {@code id}; {@code stored}: the
     * balance transactions themselves (else the rows a discrepancy added, which are never a dispute's).
     */
    private static String conditions(BalanceTransactionQuery query, Position from, String alias, String id,
                                     boolean stored, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        String second = SECOND.formatted(alias);
        conditions.add("true");
        if (query.fromSecond() != null) {
            conditions.add(second + " >= :from_second");
            params.put("from_second", utc(query.fromSecond()));
        }
        if (query.toSecond() != null) {
            conditions.add(second + " < :to_second");
            params.put("to_second", utc(query.toSecond()));
        }
        if (query.type() != null) {
            List<String> storedTypes = storedTypes(query.type());
            if (storedTypes.isEmpty()) {
                conditions.add("false");
            } else {
                conditions.add(alias + ".type in (:types)");
                params.put("types", storedTypes);
            }
        }
        if (query.currency() != null) {
            conditions.add(alias + ".currency = :currency");
            params.put("currency", query.currency());
        }
        if (query.source() != null) {
            conditions.add(sourceCondition(query.source(), alias, stored, params));
        }
        if (query.payout() != null) {
            conditions.add("false");
        }
        if (from != null) {
            conditions.add("(" + second + ", " + id + ") " + (query.backwards() ? ">" : "<") + " (:from_position, :from_id)");
            params.put("from_position", from.second());
            params.put("from_id", from.id());
        }
        return String.join(" and ", conditions);
    }

    /**
     * Stripe's type as stored: a dispute's rows are Stripe's {@code adjustment} and stored by reporting category;
     * Stripe's other types (payout, …) match nothing, nor do the reporting categories.
     */
    private static List<String> storedTypes(String stripeType) {
        return switch (stripeType) {
            case SettlementRow.CHARGE -> List.of(SettlementRow.CHARGE);
            case SettlementRow.REFUND -> List.of(SettlementRow.REFUND);
            case BalanceTransactionView.ADJUSTMENT -> List.of(SettlementRow.DISPUTE, SettlementRow.DISPUTE_REVERSAL);
            default -> List.of();
        };
    }

    /** A charge's id is its intent's ({@code ch_X} is {@code pi_X}'s); a refund's and a dispute's are stored. */
    private static String sourceCondition(String source, String alias, boolean stored, Map<String, Object> params) {
        if (source.startsWith("ch_")) {
            params.put("source_intent", "pi_" + source.substring(3));
            return alias + ".type = 'charge' and " + alias + ".payment_intent_id = :source_intent";
        }
        if (source.startsWith("re_")) {
            params.put("source_refund", source);
            return alias + ".type = 'refund' and " + alias + ".refund_id = :source_refund";
        }
        if (source.startsWith("dp_") && stored) {
            params.put("source_dispute", source);
            return alias + ".dispute_id = :source_dispute";
        }
        return "false";
    }

    private static LocalDateTime utc(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    private static final RowMapper<ListedTransaction> ROW = (rs, n) -> new ListedTransaction(rs.getString("id"),
            rs.getString("type"), rs.getString("payment_intent_id"), rs.getString("payment_order_id"),
            rs.getString("refund_id"), rs.getLong("amount"), rs.getLong("original_amount"), rs.getLong("fee"),
            rs.getString("currency"), DbTime.instant(rs, "created_at"), rs.getBoolean("added"),
            rs.getString("dispute_id"), rs.getString("source_metadata"), DbTime.instant(rs, "source_created_at"),
            rs.getString("dispute_reason"), rs.getString("dispute_status"), (Long) rs.getObject("dispute_amount"));
}
