package dev.kassa.reconciliation.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds a settlement file in the PSP's format (psp-mock-service's README, "Settlement file"), with whatever faults
 * a test wants in it.
 */
public final class SettlementCsv {

    public static final String[] HEADER = {"balance_transaction_id", "type", "payment_intent_id", "payment_order_id",
            "refund_id", "amount", "fee", "net", "currency", "created_at"};

    private final List<String> lines = new ArrayList<>();

    public SettlementCsv charge(String balanceTransactionId, String paymentIntentId, String paymentOrderId,
                                long amount, long fee, String currency, Instant createdAt) {
        return row(balanceTransactionId, "charge", paymentIntentId, paymentOrderId, "", amount, fee, amount - fee,
                currency.toLowerCase(), createdAt.toString());
    }

    public SettlementCsv charge(TestPayment p) {
        return charge("txn_" + p.pspReference(), p.pspReference(), p.orderId(), p.amountMinor(), fee(p.amountMinor()),
                p.currency(), p.at());
    }

    /** {@code amount} positive; written negative, as the PSP writes refunds. */
    public SettlementCsv refund(String balanceTransactionId, String paymentIntentId, String paymentOrderId,
                                String pspRefundId, long amount, String currency, Instant createdAt) {
        return row(balanceTransactionId, "refund", paymentIntentId, paymentOrderId, pspRefundId, -amount, 0, -amount,
                currency, createdAt.toString());
    }

    public SettlementCsv refund(TestRefund r) {
        return refund("txn_" + r.pspRefundReference(), r.payment().pspReference(), r.payment().orderId(),
                r.pspRefundReference(), r.amountMinor(), r.payment().currency(), r.at());
    }

    /** A line exactly as given, e.g. a malformed one. */
    public SettlementCsv raw(String line) {
        lines.add(line);
        return this;
    }

    public SettlementCsv row(Object... values) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("").get())) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.add(out.toString());
        return this;
    }

    public static long fee(long amount) {
        return amount * 29 / 1000 + 30;
    }

    public String render() {
        return String.join(",", HEADER) + "\r\n" + String.join("\r\n", lines) + (lines.isEmpty() ? "" : "\r\n");
    }
}
