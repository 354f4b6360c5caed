package dev.kassa.pspmock.settlement;

import java.time.LocalDate;
import java.util.List;
import dev.kassa.pspmock.api.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DiscrepancyRepository {

    private final JdbcClient jdbc;

    DiscrepancyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Discrepancy insert(Discrepancy d) {
        long id = jdbc.sql("""
                        insert into settlement_discrepancy (settlement_date, kind, balance_transaction_id, amount, fee,
                            type, payment_intent_id, payment_order_id, refund_id, currency, created_at)
                        values (:date, :kind, :bt, :amount, :fee, :type, :pi, :po, :re, :currency, :createdAt)
                        returning id""")
                .param("date", d.date()).param("kind", d.kind()).param("bt", d.balanceTransactionId())
                .param("amount", d.amount()).param("fee", d.fee()).param("type", d.type())
                .param("pi", d.paymentIntentId()).param("po", d.paymentOrderId()).param("re", d.refundId())
                .param("currency", d.currency()).param("createdAt", DbTime.utc(d.createdAt()))
                .query(Long.class).single();
        return new Discrepancy(id, d.date(), d.kind(), d.balanceTransactionId(), d.amount(), d.fee(), d.type(),
                d.paymentIntentId(), d.paymentOrderId(), d.refundId(), d.currency(), d.createdAt());
    }

    /** In the order they were injected, which is the order they are applied in. */
    List<Discrepancy> on(LocalDate date) {
        return jdbc.sql("select * from settlement_discrepancy where settlement_date = :date order by id")
                .param("date", date)
                .query((rs, n) -> new Discrepancy(rs.getLong("id"), rs.getObject("settlement_date", LocalDate.class),
                        rs.getString("kind"), rs.getString("balance_transaction_id"), (Long) rs.getObject("amount"),
                        (Long) rs.getObject("fee"), rs.getString("type"), rs.getString("payment_intent_id"),
                        rs.getString("payment_order_id"), rs.getString("refund_id"), rs.getString("currency"),
                        DbTime.instant(rs, "created_at")))
                .list();
    }

    int deleteOn(LocalDate date) {
        return jdbc.sql("delete from settlement_discrepancy where settlement_date = :date").param("date", date).update();
    }
}
