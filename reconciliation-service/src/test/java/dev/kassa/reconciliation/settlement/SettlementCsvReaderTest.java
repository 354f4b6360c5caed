package dev.kassa.reconciliation.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SettlementCsvReaderTest {

    private static final String HEADER =
            "balance_transaction_id,type,payment_intent_id,payment_order_id,refund_id,amount,fee,net,currency,created_at\n";

    private final SettlementCsvReader reader = new SettlementCsvReader();
    private final List<SettlementRow> rows = new ArrayList<>();
    private final List<String> malformed = new ArrayList<>();
    private final SettlementRowSink sink = new SettlementRowSink() {
        @Override
        public void row(SettlementRow row) {
            rows.add(row);
        }

        @Override
        public void malformed(long lineNumber, String reason, String raw) {
            malformed.add(lineNumber + ": " + reason);
        }
    };

    @Test
    void readsChargesAndRefundsWithTheirLineNumbers() {
        SettlementCsvReader.Result result = read(HEADER
                + "txn_1,charge,pi_1,po-1,,2999,117,2882,usd,2026-11-20T10:15:30Z\r\n"
                + "txn_2,refund,pi_1,po-1,re_1,-500,0,-500,USD,1795169730\n"
                + "txn_3,charge,pi_2,,,1000,30,970,JPY,2026-11-20T11:00:00+01:00");

        assertThat(result).isEqualTo(new SettlementCsvReader.Result(3, 3, 0));
        assertThat(malformed).isEmpty();
        assertThat(rows.get(0)).isEqualTo(new SettlementRow(2, "txn_1", SettlementType.CHARGE, "pi_1", "po-1", null,
                2999, 117, 2882, "USD", Instant.parse("2026-11-20T10:15:30Z")));
        assertThat(rows.get(1).type()).isEqualTo(SettlementType.REFUND);
        assertThat(rows.get(1).refundId()).isEqualTo("re_1");
        assertThat(rows.get(1).amountMinor()).isEqualTo(-500);
        assertThat(rows.get(1).createdAt()).isEqualTo(Instant.ofEpochSecond(1795169730));
        assertThat(rows.get(2).paymentOrderId()).isNull();
        assertThat(rows.get(2).createdAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(rows.get(2).lineNumber()).isEqualTo(4);
    }

    @Test
    void columnsMayComeInAnyOrderAndQuoted() {
        read("\uFEFFcurrency,created_at,type,amount,fee,net,balance_transaction_id,payment_intent_id,payment_order_id,refund_id\n"
                + "EUR,2026-11-20T10:00:00Z,\"charge\",\"1,000\",0,1000,txn_1,pi_1,po-1,\n"
                + "EUR,2026-11-20T10:00:00Z,charge,1000,0,1000,\"txn_2\",pi_2,\"po-2\",\n");

        assertThat(malformed).containsExactly("2: amount '1,000' is not an integer number of minor units");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.balanceTransactionId()).isEqualTo("txn_2");
            assertThat(row.paymentOrderId()).isEqualTo("po-2");
            assertThat(row.currency()).isEqualTo("EUR");
        });
    }

    @Test
    void reportsEachMalformedRowWithItsReasonAndKeepsReading() {
        SettlementCsvReader.Result result = read(HEADER
                + "txn_1,charge,pi_1,po-1,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_2,charge,pi_2,po-2,,2999,117,2882,USD\n"
                + "txn_3,payout,pi_3,po-3,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_4,charge,pi_4,po-4,,29.99,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_5,charge,pi_5,po-5,,2999,117,2882,XYZ,2026-11-20T10:00:00Z\n"
                + "txn_6,charge,pi_6,po-6,,2999,117,2882,USD,yesterday\n"
                + ",charge,pi_7,po-7,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_8,charge,,po-8,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_9,refund,pi_9,po-9,,-100,0,-100,USD,2026-11-20T10:00:00Z\n"
                + "txn_10,charge,pi_10,po-10,,-2999,0,-2999,USD,2026-11-20T10:00:00Z\n"
                + "txn_11,refund,pi_11,po-11,re_11,100,0,100,USD,2026-11-20T10:00:00Z\n"
                + "txn_12,charge,pi_12,po-12,,2999,117,2999,USD,2026-11-20T10:00:00Z\n"
                + "txn_13,charge,\"pi_13,po-13,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_14,charge,\"pi_14\"x,po-14,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "\n"
                + "txn_15,charge,pi_15,po-15,,1500,45,1455,usd,2026-11-20T10:00:00Z\n");

        assertThat(malformed).containsExactly(
                "3: expected 10 columns, found 9",
                "4: type 'payout' is neither charge nor refund",
                "5: amount '29.99' is not an integer number of minor units",
                "6: currency 'XYZ' is not an ISO 4217 code with minor units",
                "7: created_at 'yesterday' is neither an ISO-8601 date-time with offset nor Unix seconds",
                "8: balance_transaction_id is missing",
                "9: payment_intent_id is missing",
                "10: refund_id is missing",
                "11: amount -2999 of a charge is not positive",
                "12: amount 100 of a refund is not negative",
                "13: net 2999 is not amount - fee (2882)",
                "14: not valid CSV: EOF reached before encapsulated token finished",
                "15: not valid CSV: Invalid character between encapsulated token and delimiter at character 22");
        assertThat(rows).extracting(SettlementRow::balanceTransactionId).containsExactly("txn_1", "txn_15");
        assertThat(result.dataLines()).isEqualTo(15);
        assertThat(result.malformedRows()).isEqualTo(13);
    }

    @Test
    void anOverlongLineIsSkippedWithoutBufferingIt() {
        String hugeField = "x".repeat(1_000_000);
        read(HEADER
                + "txn_1,charge,pi_1,po-1,,2999,117,2882,USD,2026-11-20T10:00:00Z\n"
                + "txn_2,charge,\"" + hugeField + "\n"
                + "txn_3,charge,pi_3,po-3,,2999,117,2882,USD,2026-11-20T10:00:00Z\n");

        assertThat(malformed).containsExactly("3: line is longer than 4096 characters");
        assertThat(rows).extracting(SettlementRow::balanceTransactionId).containsExactly("txn_1", "txn_3");
    }

    @Test
    void aFileWithoutTheContractColumnsIsRefusedAsAWhole() {
        assertThatThrownBy(() -> read("id,amount\n1,2\n"))
                .isInstanceOf(SettlementFileException.class)
                .hasMessageContaining("lacks columns [balance_transaction_id, type, payment_intent_id");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(SettlementFileException.class)
                .hasMessageContaining("no header line");
    }

    @Test
    void aFileWithOnlyTheHeaderHasNoRows() {
        assertThat(read(HEADER)).isEqualTo(new SettlementCsvReader.Result(0, 0, 0));
    }

    private SettlementCsvReader.Result read(String csv) {
        InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
        return reader.read(in, sink);
    }
}
