package dev.kassa.reconciliation.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The projection's writes, set-based: a consumer's whole poll is written with one statement per table (a few
 * more when one poll carries several results of the same payment order, refund or dispute), and a single event is a
 * poll of one, so the retry topics and the one-by-one fallback use the same statements.
 *
 * <p>Each write is idempotent on its own (the inbox is the first line, these keys the second) and correct in any
 * arrival order: a success is final for a payment order or refund, a failure only replaces an older failure, a
 * dispute's withdrawal and reinstatement are each recorded once, wallet movements and journal entries are keyed by
 * their producers' ids. Every method returns, for each input in order, whether it changed the projection; the result
 * equals applying the inputs one at a time in order.
 */
@Repository
class ProjectionRepository {

    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String REINSTATED = "REINSTATED";

    /** A PaymentOrderSucceeded ({@code status} SUCCEEDED, {@code at} = succeeded_at) or PaymentOrderFailed. */
    record PaymentResult(String paymentOrderId, String checkoutId, String sellerAccount, long amountMinor,
                         String currency, String status, String pspReference, Instant at, String failureCode) {
    }

    /** A RefundSucceeded or RefundFailed, likewise. */
    record RefundResult(String refundId, String paymentOrderId, String checkoutId, String sellerAccount,
                        long amountMinor, String currency, String status, String pspReference,
                        String pspRefundReference, Instant at, String failureCode) {
    }

    /**
     * A DisputeFundsWithdrawn ({@code kind} WITHDRAWN) or DisputeFundsReinstated (REINSTATED): the amount and the fee
     * as the record carries them (the fee taken, or the fee given back), {@code at} its occurred_at.
     */
    record DisputeMovement(String disputeId, String kind, String paymentOrderId, String checkoutId,
                           String sellerAccount, String currency, String pspReference, String feeBearer,
                           long amountMinor, long feeMinor, Instant at) {
    }

    /** A WalletCredited ({@code kind} CREDIT) or WalletDebited (DEBIT); a dispute's names it. */
    record Movement(String movementId, String kind, String paymentOrderId, String refundId, String disputeId,
                    String sellerAccount, long amountMinor, String currency, long balanceAfterMinor,
                    String sourceEventId, Instant occurredAt) {
    }

    record Line(String account, String side, long amountMinor, String currency) {
    }

    /** A LedgerTransactionRecorded with its lines; a dispute's names it. */
    record Entry(String journalEntryId, String kind, String paymentOrderId, String refundId, String disputeId,
                 String sellerAccount, long amountMinor, String currency, String sourceEventId, Instant occurredAt,
                 List<Line> lines) {
    }

    /*
     * Both results of a payment order in one upsert: a success overwrites a failure (keeping its failed_at and
     * failure_code) and nothing overwrites a success; a failure only replaces an older failure, and then only
     * its own fields (psp_reference kept if the newer failure has none). ON CONFLICT DO UPDATE may touch a row
     * once per statement, so each statement gets at most one result per payment order (see inRounds).
     */
    private static final String UPSERT_PAYMENTS = """
            INSERT INTO platform_payment AS p (payment_order_id, checkout_id, seller_account, amount_minor, currency,
                                               status, psp_reference, succeeded_at, failed_at, failure_code)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[],
                                 ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[])
            ON CONFLICT (payment_order_id) DO UPDATE
               SET checkout_id    = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.checkout_id ELSE p.checkout_id END,
                   seller_account = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.seller_account ELSE p.seller_account END,
                   amount_minor   = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.amount_minor ELSE p.amount_minor END,
                   currency       = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.currency ELSE p.currency END,
                   status         = excluded.status,
                   psp_reference  = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.psp_reference
                                         ELSE coalesce(excluded.psp_reference, p.psp_reference) END,
                   succeeded_at   = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.succeeded_at ELSE p.succeeded_at END,
                   failed_at      = CASE WHEN excluded.status = 'FAILED' THEN excluded.failed_at ELSE p.failed_at END,
                   failure_code   = CASE WHEN excluded.status = 'FAILED' THEN excluded.failure_code ELSE p.failure_code END,
                   updated_at     = now()
             WHERE (excluded.status = 'SUCCEEDED' AND p.status <> 'SUCCEEDED')
                OR (excluded.status = 'FAILED' AND p.status = 'FAILED' AND p.failed_at < excluded.failed_at)
            RETURNING p.payment_order_id
            """;

    /** As for payments; a later failure of a refund keeps its psp_reference and takes only a missing psp_refund_reference. */
    private static final String UPSERT_REFUNDS = """
            INSERT INTO platform_refund AS r (refund_id, payment_order_id, checkout_id, seller_account, amount_minor,
                                              currency, status, psp_reference, psp_refund_reference, succeeded_at,
                                              failed_at, failure_code)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                 ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                                 ?::timestamptz[], ?::text[])
            ON CONFLICT (refund_id) DO UPDATE
               SET payment_order_id     = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.payment_order_id ELSE r.payment_order_id END,
                   checkout_id          = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.checkout_id ELSE r.checkout_id END,
                   seller_account       = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.seller_account ELSE r.seller_account END,
                   amount_minor         = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.amount_minor ELSE r.amount_minor END,
                   currency             = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.currency ELSE r.currency END,
                   status               = excluded.status,
                   psp_reference        = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.psp_reference ELSE r.psp_reference END,
                   psp_refund_reference = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.psp_refund_reference
                                               ELSE coalesce(excluded.psp_refund_reference, r.psp_refund_reference) END,
                   succeeded_at         = CASE WHEN excluded.status = 'SUCCEEDED' THEN excluded.succeeded_at ELSE r.succeeded_at END,
                   failed_at            = CASE WHEN excluded.status = 'FAILED' THEN excluded.failed_at ELSE r.failed_at END,
                   failure_code         = CASE WHEN excluded.status = 'FAILED' THEN excluded.failure_code ELSE r.failure_code END,
                   updated_at           = now()
             WHERE (excluded.status = 'SUCCEEDED' AND r.status <> 'SUCCEEDED')
                OR (excluded.status = 'FAILED' AND r.status = 'FAILED' AND r.failed_at < excluded.failed_at)
            RETURNING r.refund_id
            """;

    /*
     * A dispute's withdrawal and its reinstatement are two facts of one row: each is written once, by its first record
     * (a re-published one, even with other figures, changes nothing), whatever order they arrive in. A record carries
     * one of the two, so the other's columns stay as they are.
     */
    private static final String UPSERT_DISPUTES = """
            INSERT INTO platform_dispute AS d (dispute_id, payment_order_id, checkout_id, seller_account, currency,
                                               psp_reference, fee_bearer, withdrawn_minor, withdrawn_fee_minor,
                                               withdrawn_at, reinstated_minor, reinstated_fee_minor, reinstated_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                 ?::timestamptz[], ?::bigint[], ?::bigint[], ?::timestamptz[])
            ON CONFLICT (dispute_id) DO UPDATE
               SET withdrawn_minor      = coalesce(d.withdrawn_minor, excluded.withdrawn_minor),
                   withdrawn_fee_minor  = coalesce(d.withdrawn_fee_minor, excluded.withdrawn_fee_minor),
                   withdrawn_at         = coalesce(d.withdrawn_at, excluded.withdrawn_at),
                   reinstated_minor     = coalesce(d.reinstated_minor, excluded.reinstated_minor),
                   reinstated_fee_minor = coalesce(d.reinstated_fee_minor, excluded.reinstated_fee_minor),
                   reinstated_at        = coalesce(d.reinstated_at, excluded.reinstated_at),
                   updated_at           = now()
             WHERE (excluded.withdrawn_at IS NOT NULL AND d.withdrawn_at IS NULL)
                OR (excluded.reinstated_at IS NOT NULL AND d.reinstated_at IS NULL)
            RETURNING d.dispute_id
            """;

    private static final String INSERT_MOVEMENTS = """
            INSERT INTO wallet_movement (movement_id, kind, payment_order_id, refund_id, dispute_id, seller_account,
                                         amount_minor, currency, balance_after_minor, source_event_id, occurred_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                 ?::text[], ?::bigint[], ?::text[], ?::timestamptz[])
            ON CONFLICT (movement_id) DO NOTHING
            RETURNING movement_id
            """;

    /** The entries and the lines of those entries that are new, in one statement. */
    private static final String INSERT_ENTRIES = """
            WITH entry AS (
                INSERT INTO ledger_entry (journal_entry_id, kind, payment_order_id, refund_id, dispute_id,
                                          seller_account, amount_minor, currency, source_event_id, occurred_at)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::bigint[], ?::text[], ?::text[], ?::timestamptz[])
                ON CONFLICT (journal_entry_id) DO NOTHING
                RETURNING journal_entry_id
            ), line AS (
                INSERT INTO ledger_line (journal_entry_id, line_no, account, side, amount_minor, currency)
                SELECT l.journal_entry_id, l.line_no, l.account, l.side, l.amount_minor, l.currency
                  FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                       AS l(journal_entry_id, line_no, account, side, amount_minor, currency)
                  JOIN entry USING (journal_entry_id)
            )
            SELECT journal_entry_id FROM entry
            """;

    private final JdbcTemplate jdbc;

    ProjectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return per result: false if it changed nothing (the order already succeeded, or a newer failure is known) */
    boolean[] applyPaymentResults(List<PaymentResult> results) {
        return inRounds(results, PaymentResult::paymentOrderId, round -> {
            Columns c = new Columns(round.size());
            String[] order = c.text(), checkout = c.text(), seller = c.text();
            Long[] amount = c.int8();
            String[] currency = c.text(), status = c.text(), pspReference = c.text();
            String[] succeededAt = c.timestamptz(), failedAt = c.timestamptz();
            String[] failureCode = c.text();
            for (int i = 0; i < round.size(); i++) {
                PaymentResult r = round.get(i);
                boolean succeeded = SUCCEEDED.equals(r.status());
                order[i] = r.paymentOrderId();
                checkout[i] = r.checkoutId();
                seller[i] = r.sellerAccount();
                amount[i] = r.amountMinor();
                currency[i] = r.currency();
                status[i] = r.status();
                pspReference[i] = r.pspReference();
                succeededAt[i] = succeeded ? timestamp(r.at()) : null;
                failedAt[i] = succeeded ? null : timestamp(r.at());
                failureCode[i] = succeeded ? null : r.failureCode();
            }
            return keysWritten(UPSERT_PAYMENTS, c);
        });
    }

    /** @return per result: false if it changed nothing */
    boolean[] applyRefundResults(List<RefundResult> results) {
        return inRounds(results, RefundResult::refundId, round -> {
            Columns c = new Columns(round.size());
            String[] refund = c.text(), order = c.text(), checkout = c.text(), seller = c.text();
            Long[] amount = c.int8();
            String[] currency = c.text(), status = c.text(), pspReference = c.text(), pspRefundReference = c.text();
            String[] succeededAt = c.timestamptz(), failedAt = c.timestamptz();
            String[] failureCode = c.text();
            for (int i = 0; i < round.size(); i++) {
                RefundResult r = round.get(i);
                boolean succeeded = SUCCEEDED.equals(r.status());
                refund[i] = r.refundId();
                order[i] = r.paymentOrderId();
                checkout[i] = r.checkoutId();
                seller[i] = r.sellerAccount();
                amount[i] = r.amountMinor();
                currency[i] = r.currency();
                status[i] = r.status();
                pspReference[i] = r.pspReference();
                pspRefundReference[i] = r.pspRefundReference();
                succeededAt[i] = succeeded ? timestamp(r.at()) : null;
                failedAt[i] = succeeded ? null : timestamp(r.at());
                failureCode[i] = succeeded ? null : r.failureCode();
            }
            return keysWritten(UPSERT_REFUNDS, c);
        });
    }

    /** @return per movement: false if the dispute already has that movement (withdrawal or reinstatement) */
    boolean[] applyDisputeMovements(List<DisputeMovement> movements) {
        return inRounds(movements, DisputeMovement::disputeId, round -> {
            Columns c = new Columns(round.size());
            String[] dispute = c.text(), order = c.text(), checkout = c.text(), seller = c.text();
            String[] currency = c.text(), pspReference = c.text(), feeBearer = c.text();
            Long[] withdrawn = c.int8(), withdrawnFee = c.int8();
            String[] withdrawnAt = c.timestamptz();
            Long[] reinstated = c.int8(), reinstatedFee = c.int8();
            String[] reinstatedAt = c.timestamptz();
            for (int i = 0; i < round.size(); i++) {
                DisputeMovement m = round.get(i);
                boolean withdrawal = WITHDRAWN.equals(m.kind());
                dispute[i] = m.disputeId();
                order[i] = m.paymentOrderId();
                checkout[i] = m.checkoutId();
                seller[i] = m.sellerAccount();
                currency[i] = m.currency();
                pspReference[i] = m.pspReference();
                feeBearer[i] = m.feeBearer();
                withdrawn[i] = withdrawal ? m.amountMinor() : null;
                withdrawnFee[i] = withdrawal ? m.feeMinor() : null;
                withdrawnAt[i] = withdrawal ? timestamp(m.at()) : null;
                reinstated[i] = withdrawal ? null : m.amountMinor();
                reinstatedFee[i] = withdrawal ? null : m.feeMinor();
                reinstatedAt[i] = withdrawal ? null : timestamp(m.at());
            }
            return keysWritten(UPSERT_DISPUTES, c);
        });
    }

    /** @return per movement: false if its movement id was already projected (or came earlier in the list) */
    boolean[] insertMovements(List<Movement> movements) {
        return firstOccurrences(movements, Movement::movementId, fresh -> {
            Columns c = new Columns(fresh.size());
            String[] movement = c.text(), kind = c.text(), order = c.text(), refund = c.text(), dispute = c.text();
            String[] seller = c.text();
            Long[] amount = c.int8();
            String[] currency = c.text();
            Long[] balanceAfter = c.int8();
            String[] sourceEvent = c.text(), occurredAt = c.timestamptz();
            for (int i = 0; i < fresh.size(); i++) {
                Movement m = fresh.get(i);
                movement[i] = m.movementId();
                kind[i] = m.kind();
                order[i] = m.paymentOrderId();
                refund[i] = m.refundId();
                dispute[i] = m.disputeId();
                seller[i] = m.sellerAccount();
                amount[i] = m.amountMinor();
                currency[i] = m.currency();
                balanceAfter[i] = m.balanceAfterMinor();
                sourceEvent[i] = m.sourceEventId();
                occurredAt[i] = timestamp(m.occurredAt());
            }
            return keysWritten(INSERT_MOVEMENTS, c);
        });
    }

    /** @return per entry: false if its journal entry id was already projected; lines are written with new entries only */
    boolean[] insertEntries(List<Entry> entries) {
        return firstOccurrences(entries, Entry::journalEntryId, fresh -> {
            Columns c = new Columns(fresh.size());
            String[] entry = c.text(), kind = c.text(), order = c.text(), refund = c.text(), dispute = c.text();
            String[] seller = c.text();
            Long[] amount = c.int8();
            String[] currency = c.text(), sourceEvent = c.text(), occurredAt = c.timestamptz();
            int lineCount = fresh.stream().mapToInt(e -> e.lines().size()).sum();
            c.rows(lineCount);
            String[] lineEntry = c.text();
            Integer[] lineNo = c.int4();
            String[] account = c.text(), side = c.text();
            Long[] lineAmount = c.int8();
            String[] lineCurrency = c.text();
            int l = 0;
            for (int i = 0; i < fresh.size(); i++) {
                Entry e = fresh.get(i);
                entry[i] = e.journalEntryId();
                kind[i] = e.kind();
                order[i] = e.paymentOrderId();
                refund[i] = e.refundId();
                dispute[i] = e.disputeId();
                seller[i] = e.sellerAccount();
                amount[i] = e.amountMinor();
                currency[i] = e.currency();
                sourceEvent[i] = e.sourceEventId();
                occurredAt[i] = timestamp(e.occurredAt());
                for (int n = 0; n < e.lines().size(); n++, l++) {
                    Line line = e.lines().get(n);
                    lineEntry[l] = e.journalEntryId();
                    lineNo[l] = n + 1;
                    account[l] = line.account();
                    side[l] = line.side();
                    lineAmount[l] = line.amountMinor();
                    lineCurrency[l] = line.currency();
                }
            }
            return keysWritten(INSERT_ENTRIES, c);
        });
    }

    /**
     * Upserts in rounds: round k writes the k-th result of each key (in list order), so that no statement touches a
     * row twice and the results of one key are applied in their order, exactly as one by one. Results of different
     * keys do not interact, so a round may write them together. A poll rarely holds two results of one key: one round.
     */
    private static <T> boolean[] inRounds(List<T> inputs, Function<T, String> key, Function<List<T>, Set<String>> write) {
        boolean[] changed = new boolean[inputs.size()];
        Map<String, Integer> seen = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int round = seen.merge(key.apply(inputs.get(i)), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        for (List<Integer> round : rounds) {
            Set<String> written = write.apply(round.stream().map(inputs::get).toList());
            for (int i : round) {
                changed[i] = written.contains(key.apply(inputs.get(i)));
            }
        }
        return changed;
    }

    /**
     * Inserts the first input of each key only: a later one with the same key would find it and change nothing,
     * as it would one by one.
     */
    private static <T> boolean[] firstOccurrences(List<T> inputs, Function<T, String> key,
                                                  Function<List<T>, Set<String>> insert) {
        boolean[] changed = new boolean[inputs.size()];
        Set<String> keys = new HashSet<>();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (keys.add(key.apply(inputs.get(i)))) {
                first.add(i);
            }
        }
        if (first.isEmpty()) {
            return changed;
        }
        Set<String> inserted = insert.apply(first.stream().map(inputs::get).toList());
        for (int i : first) {
            changed[i] = inserted.contains(key.apply(inputs.get(i)));
        }
        return changed;
    }

    /** Runs {@code sql} with one array parameter per column, in order, and returns the keys it reports as written. */
    private Set<String> keysWritten(String sql, Columns columns) {
        Set<String> keys = new HashSet<>();
        jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < columns.arrays.size(); i++) {
                statement.setArray(i + 1, connection.createArrayOf(columns.types.get(i), columns.arrays.get(i)));
            }
            return statement;
        }, row -> {
            keys.add(row.getString(1));
        });
        return keys;
    }

    /** ISO-8601 in UTC: PostgreSQL reads it as timestamptz whatever the JVM's or the session's time zone. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The array parameters of one statement, in parameter order, each with its PostgreSQL element type. */
    private static final class Columns {
        private final List<Object[]> arrays = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private int rows;

        Columns(int rows) {
            this.rows = rows;
        }

        /** The arrays that follow have this many elements. */
        void rows(int count) {
            rows = count;
        }

        String[] text() {
            return add(new String[rows], "text");
        }

        String[] timestamptz() {
            return add(new String[rows], "timestamptz");
        }

        Long[] int8() {
            return add(new Long[rows], "int8");
        }

        Integer[] int4() {
            return add(new Integer[rows], "int4");
        }

        private <A> A add(A array, String type) {
            arrays.add((Object[]) array);
            types.add(type);
            return array;
        }
    }
}
