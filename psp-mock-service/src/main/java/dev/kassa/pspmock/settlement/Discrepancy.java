package dev.kassa.pspmock.settlement;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deliberate error in one day's settlement file, for reconciliation to find. Inserted and deleted, never changed.
 *
 * @param id     0 until inserted (the database assigns it)
 * @param kind   {@code drop_row}, {@code change_amount} or {@code add_row}
 * @param amount change_amount: what the file shows instead; add_row: the fabricated row's (signed) amount
 */
@Table("settlement_discrepancy")
record Discrepancy(@Id long id, @Column("settlement_date") LocalDate date, String kind, String balanceTransactionId, Long amount, Long fee,
                   String type, String paymentIntentId, String paymentOrderId, String refundId, String currency,
                   Instant createdAt) {

    static final String DROP_ROW = "drop_row";
    static final String CHANGE_AMOUNT = "change_amount";
    static final String ADD_ROW = "add_row";

    /** The row an {@code add_row} discrepancy puts in the file. */
    SettlementRow fabricatedRow() {
        return new SettlementRow(balanceTransactionId, type, paymentIntentId, paymentOrderId, refundId,
                amount, fee, amount - fee, currency, createdAt, null);
    }
}
