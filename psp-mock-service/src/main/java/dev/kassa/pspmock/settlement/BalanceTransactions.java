package dev.kassa.pspmock.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import dev.kassa.pspmock.api.DbTime;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.RowInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money that moved: one row per succeeded charge, per succeeded refund, per dispute's withdrawal and per won dispute's
 * reversal, written in the transaction of the status change, with the fee fixed at that moment (a later fee change
 * does not rewrite history).
 * JdbcClient, not a repository: the rows are parts of other statements (the charge's one statement) and a day's file
 * is streamed with a cursor.
 */
@Repository
public class BalanceTransactions {

    private static final String COLUMNS =
            "id, type, payment_intent_id, payment_order_id, refund_id, amount, fee, net, currency, created_at, dispute_id";
    private static final RowMapper<SettlementRow> ROW = (rs, n) -> new SettlementRow(rs.getString("id"),
            rs.getString("type"), rs.getString("payment_intent_id"), rs.getString("payment_order_id"),
            rs.getString("refund_id"), rs.getLong("amount"), rs.getLong("fee"), rs.getLong("net"),
            rs.getString("currency"), DbTime.instant(rs, "created_at"), rs.getString("dispute_id"));

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final FeeModel fees;
    private final DisputeFees disputeFees;

    BalanceTransactions(JdbcClient jdbc, DataSource dataSource, FeeModel fees, DisputeFees disputeFees) {
        this.jdbc = jdbc;
        // A day's file can be large: fetched in chunks (PostgreSQL needs a transaction for that), not all at once.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.fees = fees;
        this.disputeFees = disputeFees;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCharge(String paymentIntentId, String paymentOrderId, long amount, String currency, Instant at) {
        RowInsert.execute(jdbc, List.of(charge(paymentIntentId, paymentOrderId, amount, currency, at)));
    }

    /** The charge's row, for the statement that writes the succeeded intent to write as well. */
    public RowInsert charge(String paymentIntentId, String paymentOrderId, long amount, String currency, Instant at) {
        long fee = fees.feeFor(amount, currency);
        return insert(new SettlementRow(Ids.newId("txn"), SettlementRow.CHARGE, paymentIntentId, paymentOrderId, null,
                amount, fee, amount - fee, currency, at, null));
    }

    /** Refunds are negative and carry no fee (the charge's fee is not returned). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRefund(String paymentIntentId, String paymentOrderId, String refundId, long amount,
                             String currency, Instant at) {
        RowInsert.execute(jdbc, List.of(insert(new SettlementRow(Ids.newId("txn"), SettlementRow.REFUND, paymentIntentId,
                paymentOrderId, refundId, -amount, 0, -amount, currency, at, null))));
    }

    /**
     * A dispute's withdrawal (Stripe's adjustment of reporting category {@code dispute}): the disputed amount, negative,
     * with the dispute fee ({@code psp.settlement.dispute-fees}) in {@code fee}, so {@code net} is both withdrawn.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordDisputeWithdrawal(String paymentIntentId, String paymentOrderId, String disputeId, long amount,
                                        String currency, Instant at) {
        long fee = disputeFees.feeFor(currency);
        RowInsert.execute(jdbc, List.of(insert(new SettlementRow(Ids.newId("txn"), SettlementRow.DISPUTE,
                paymentIntentId, paymentOrderId, null, -amount, fee, -amount - fee, currency, at, disputeId))));
    }

    /**
     * A won dispute's reversal (reporting category {@code dispute_reversal}): the disputed amount back, and the dispute
     * fee too (a negative {@code fee}) only when {@code psp.settlement.dispute-fees.returned-when-won} says so.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordDisputeReversal(String paymentIntentId, String paymentOrderId, String disputeId, long amount,
                                      String currency, Instant at) {
        long fee = disputeFees.returnedWhenWon() ? -disputeFees.feeFor(currency) : 0;
        RowInsert.execute(jdbc, List.of(insert(new SettlementRow(Ids.newId("txn"), SettlementRow.DISPUTE_REVERSAL,
                paymentIntentId, paymentOrderId, null, amount, fee, amount - fee, currency, at, disputeId))));
    }

    /**
     * A dispute's balance transactions as Stripe's Dispute lists them ({@code balance_transactions}): the withdrawal,
     * then the reversal if it was won; the money that moved, whatever a settlement file's discrepancies say.
     */
    public List<BalanceTransactionView> ofDispute(String disputeId) {
        return jdbc.sql("select " + COLUMNS + " from balance_transaction where dispute_id = :dispute "
                        + "order by created_at, id")
                .param("dispute", disputeId)
                .query(ROW).list().stream()
                .map(row -> BalanceTransactionView.of(ListedTransaction.of(row), false, json -> Map.of()))
                .toList();
    }

    private static RowInsert insert(SettlementRow row) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("bt_id", row.balanceTransactionId());
        parameters.put("bt_type", row.type());
        parameters.put("bt_pi", row.paymentIntentId());
        parameters.put("bt_po", row.paymentOrderId());
        parameters.put("bt_re", row.refundId());
        parameters.put("bt_amount", row.amount());
        parameters.put("bt_fee", row.fee());
        parameters.put("bt_net", row.net());
        parameters.put("bt_currency", row.currency());
        parameters.put("bt_at", DbTime.utc(row.createdAt()));
        parameters.put("bt_dp", row.disputeId());
        return new RowInsert("insert into balance_transaction (" + COLUMNS + ") values (:bt_id, :bt_type, :bt_pi, "
                + ":bt_po, :bt_re, :bt_amount, :bt_fee, :bt_net, :bt_currency, :bt_at, :bt_dp)", parameters);
    }

    /** Rows of one UTC day in time order, handed over one by one. */
    @Transactional(readOnly = true)
    public void forEachOn(LocalDate day, Consumer<SettlementRow> consumer) {
        streaming.query("select " + COLUMNS + " from balance_transaction where created_at >= ? and created_at < ? "
                        + "order by created_at, id",
                rs -> {
                    consumer.accept(ROW.mapRow(rs, 0));
                },
                DbTime.utc(startOf(day)), DbTime.utc(startOf(day.plusDays(1))));
    }

    Optional<SettlementRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from balance_transaction where id = :id").param("id", id)
                .query(ROW).optional();
    }

    /** The first row of the day that no discrepancy has dropped yet: the default target of an injection. */
    Optional<SettlementRow> firstNotDroppedOn(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from balance_transaction b "
                        + "where created_at >= :from and created_at < :to and not exists ("
                        + "  select 1 from settlement_discrepancy s where s.balance_transaction_id = b.id "
                        + "  and s.kind = 'drop_row') "
                        + "order by created_at, id limit 1")
                .param("from", DbTime.utc(startOf(day))).param("to", DbTime.utc(startOf(day.plusDays(1))))
                .query(ROW).optional();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
