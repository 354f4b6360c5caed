package dev.kassa.pspmock.settlement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The settlement file of one UTC day as CSV (RFC 4180, written by Commons CSV): one row per balance transaction,
 * then the day's injected discrepancies applied. {@code dispute_id}, the last column, names the dispute of a
 * {@code dispute} or {@code dispute_reversal} row and is empty on the others.
 */
@Component
class SettlementFile {

    static final String[] COLUMNS = {"balance_transaction_id", "type", "payment_intent_id", "payment_order_id",
            "refund_id", "amount", "fee", "net", "currency", "created_at", "dispute_id"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();

    private final BalanceTransactions balanceTransactions;
    private final Discrepancies discrepancies;

    SettlementFile(BalanceTransactions balanceTransactions, Discrepancies discrepancies) {
        this.balanceTransactions = balanceTransactions;
        this.discrepancies = discrepancies;
    }

    void write(LocalDate day, Writer out) throws IOException {
        Set<String> dropped = new HashSet<>();
        Map<String, Long> changedAmounts = new HashMap<>();
        List<Discrepancy> injected = discrepancies.findByDateOrderById(day);
        for (Discrepancy d : injected) {
            switch (d.kind()) {
                case Discrepancy.DROP_ROW -> dropped.add(d.balanceTransactionId());
                case Discrepancy.CHANGE_AMOUNT -> changedAmounts.put(d.balanceTransactionId(), d.amount());
                default -> { }
            }
        }
        try (CSVPrinter printer = FORMAT.print(out)) {
            balanceTransactions.forEachOn(day, row -> {
                if (!dropped.contains(row.balanceTransactionId())) {
                    Long changed = changedAmounts.get(row.balanceTransactionId());
                    print(printer, changed == null ? row : row.withAmount(changed));
                }
            });
            for (Discrepancy d : injected) {
                if (Discrepancy.ADD_ROW.equals(d.kind())) {
                    print(printer, d.fabricatedRow());
                }
            }
        }
    }

    private static void print(CSVPrinter printer, SettlementRow row) {
        try {
            printer.printRecord(row.balanceTransactionId(), row.type(), row.paymentIntentId(), row.paymentOrderId(),
                    row.refundId(), row.amount(), row.fee(), row.net(), row.currency(), row.createdAt(),
                    row.disputeId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
