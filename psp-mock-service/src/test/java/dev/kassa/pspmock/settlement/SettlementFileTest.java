package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.testfixtures.TestKeys;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class SettlementFileTest extends PspIntegrationTest {

    private final Set<LocalDate> touchedDays = new LinkedHashSet<>();

    @AfterEach
    void removeInjectedDiscrepancies() {
        touchedDays.forEach(day -> admin.delete("/admin/settlements/" + day + "/discrepancies"));
    }

    @Test
    void totalsEqualTheIntentsAndRefundsOfTheDay() {
        LocalDate firstDay = today();
        String eurVisa = succeeded(api.createIntent(10_000, "EUR", "tok_visa"));
        String eurMastercard = succeeded(api.createIntent(2_550, "eur", "tok_mastercard"));
        String jpy = succeeded(api.createIntent(5_000, "JPY", "tok_visa"));
        String declined = api.createIntent(999, "EUR", "tok_chargeDeclined").json()
                .path("error").path("payment_intent").path("id").stringValue();
        String async = api.createIntent(3_000, "EUR", "tok_async").json().path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/payment_intents/" + async).json().path("status").stringValue().equals("succeeded"));
        String eurRefund = api.refund(eurVisa, 1_000).json().path("id").stringValue();
        String jpyRefund = api.refund(jpy, 2_000).json().path("id").stringValue();
        Set<String> ours = Set.of(eurVisa, eurMastercard, jpy, declined, async);

        List<CSVRecord> rows = rowsBetween(firstDay, today()).stream()
                .filter(r -> ours.contains(r.get("payment_intent_id"))).toList();

        assertThat(rows).hasSize(6);
        assertThat(rows).noneMatch(r -> r.get("payment_intent_id").equals(declined));
        Map<String, Long> totals = rows.stream().collect(Collectors.groupingBy(r -> r.get("currency"),
                Collectors.summingLong(r -> Long.parseLong(r.get("amount")))));
        assertThat(totals).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EUR", 10_000L + 2_550 + 3_000 - 1_000,
                "JPY", 5_000L - 2_000));
        // Fees (application.yaml): EUR 1.4 % + 0.25, JPY 3.6 % + 0, rounded half up to the minor unit.
        assertThat(charge(rows, eurVisa)).containsEntry("fee", "165").containsEntry("net", "9835");
        assertThat(charge(rows, eurMastercard)).containsEntry("fee", "61").containsEntry("net", "2489");
        assertThat(charge(rows, async)).containsEntry("fee", "67").containsEntry("net", "2933");
        assertThat(charge(rows, jpy)).containsEntry("fee", "180").containsEntry("net", "4820");
        assertThat(refundRow(rows, eurRefund)).containsEntry("type", "refund").containsEntry("amount", "-1000")
                .containsEntry("fee", "0").containsEntry("net", "-1000").containsEntry("payment_intent_id", eurVisa);
        assertThat(refundRow(rows, jpyRefund)).containsEntry("amount", "-2000").containsEntry("currency", "JPY");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("balance_transaction_id")).startsWith("txn_");
            assertThat(row.get("payment_order_id")).startsWith("po-");
            assertThat(row.get("dispute_id")).isEmpty();
            assertThat(Long.parseLong(row.get("net")))
                    .isEqualTo(Long.parseLong(row.get("amount")) - Long.parseLong(row.get("fee")));
            assertThat(Instant.parse(row.get("created_at"))).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void fileIsCsvWithTheContractHeader() {
        Response response = admin.get("/admin/settlements/2001-01-01");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.body().strip()).isEqualTo(
                "balance_transaction_id,type,payment_intent_id,payment_order_id,refund_id,amount,fee,net,currency,created_at,"
                        + "dispute_id");
    }

    @Test
    void theFileIsAnOperatorsNotTheStripeApis() {
        String path = "/admin/settlements/2001-01-01";

        for (String reader : new String[] {TestKeys.OPERATOR, TestKeys.FINANCE, TestKeys.VIEWER}) {
            assertThat(api.as(reader).get(path).status()).as(reader).isEqualTo(200);
        }
        Response anonymous = api.send(api.unauthorized(path).GET());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("api_key_missing");
        Response pspKey = api.get(path);
        assertThat(pspKey.status()).isEqualTo(403);
        assertThat(pspKey.errorCode()).isEqualTo("forbidden");
        // Its old place in the PSP API is an unknown URL like any other, not Stripe's.
        Response oldPath = api.get("/v1/settlements/2001-01-01");
        assertThat(oldPath.status()).isEqualTo(404);
        assertThat(oldPath.errorCode()).isEqualTo("unrecognized_request_url");
    }

    @ParameterizedTest
    @CsvSource({"2024-13-01", "2024-02-30", "20240101", "2024-1-1", "yesterday"})
    void aDayThatIsNotYyyyMmDdIs400(String date) {
        Response response = admin.get("/admin/settlements/" + date);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorParam()).isEqualTo("date");
    }

    @Test
    void discrepanciesAreInjectedIntoTheDaysFile() {
        LocalDate day = today();
        touchedDays.add(day);
        String dropped = succeeded(api.createIntent(1_111, "EUR", "tok_visa"));
        String changed = succeeded(api.createIntent(2_222, "EUR", "tok_visa"));
        String droppedRow = transactionOf(day, dropped);
        String changedRow = transactionOf(day, changed);

        Response drop = admin.post("/admin/settlements/" + day + "/drop-row", null,
                "{\"balance_transaction_id\": \"" + droppedRow + "\"}");
        Response change = admin.post("/admin/settlements/" + day + "/change-amount", null,
                "{\"balance_transaction_id\": \"" + changedRow + "\", \"amount\": 2000}");
        Response add = admin.post("/admin/settlements/" + day + "/add-row", null,
                "{\"amount\": 4321, \"currency\": \"GBP\", \"payment_order_id\": \"po-never-sent\"}");

        assertThat(drop.status()).isEqualTo(201);
        assertThat(change.status()).isEqualTo(201);
        assertThat(add.status()).isEqualTo(201);
        String addedRow = add.json().path("balance_transaction_id").stringValue();
        List<CSVRecord> file = rowsBetween(day, day);
        assertThat(file).noneMatch(r -> r.get("balance_transaction_id").equals(droppedRow));
        assertThat(byId(file, changedRow)).containsEntry("amount", "2000").containsEntry("net",
                String.valueOf(2000 - Long.parseLong(byId(file, changedRow).get("fee"))));
        assertThat(byId(file, addedRow)).containsEntry("amount", "4321").containsEntry("currency", "GBP")
                .containsEntry("type", "charge").containsEntry("payment_order_id", "po-never-sent");
        assertThat(admin.get("/admin/settlements/" + day + "/discrepancies").json().path("data")).hasSize(3);

        admin.delete("/admin/settlements/" + day + "/discrepancies");
        List<CSVRecord> restored = rowsBetween(day, day);
        assertThat(restored).anyMatch(r -> r.get("balance_transaction_id").equals(droppedRow));
        assertThat(byId(restored, changedRow)).containsEntry("amount", "2222");
        assertThat(restored).noneMatch(r -> r.get("balance_transaction_id").equals(addedRow));
    }

    @Test
    void defaultDiscrepancyTargetsTheDaysFirstRow() {
        LocalDate day = today();
        touchedDays.add(day);
        succeeded(api.createIntent(500, "EUR", "tok_visa"));

        JsonNode drop = admin.post("/admin/settlements/" + day + "/drop-row", null, "").json();

        String droppedRow = drop.path("balance_transaction_id").stringValue();
        assertThat(droppedRow).startsWith("txn_");
        assertThat(rowsBetween(day, day)).noneMatch(r -> r.get("balance_transaction_id").equals(droppedRow));
    }

    @Test
    void discrepancyOnADayWithoutRowsIs404() {
        Response response = admin.post("/admin/settlements/2001-01-01/drop-row", null, "");

        assertThat(response.status()).isEqualTo(404);
    }

    private String transactionOf(LocalDate day, String paymentIntentId) {
        return rowsBetween(day, today()).stream().filter(r -> r.get("payment_intent_id").equals(paymentIntentId))
                .findFirst().orElseThrow().get("balance_transaction_id");
    }

    /** The rows of every day from first to last: a test that straddles midnight UTC still sees all of its rows. */
    private List<CSVRecord> rowsBetween(LocalDate first, LocalDate last) {
        List<CSVRecord> rows = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Response response = admin.get("/admin/settlements/" + day);
            assertThat(response.status()).isEqualTo(200);
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(response.body()))) {
                assertThat(parser.getHeaderNames()).containsExactly("balance_transaction_id", "type",
                        "payment_intent_id", "payment_order_id", "refund_id", "amount", "fee", "net", "currency",
                        "created_at", "dispute_id");
                rows.addAll(parser.getRecords());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    private static Map<String, String> charge(List<CSVRecord> rows, String paymentIntentId) {
        return rows.stream().filter(r -> r.get("type").equals("charge") && r.get("payment_intent_id").equals(paymentIntentId))
                .findFirst().orElseThrow().toMap();
    }

    private static Map<String, String> refundRow(List<CSVRecord> rows, String refundId) {
        return rows.stream().filter(r -> r.get("refund_id").equals(refundId)).findFirst().orElseThrow().toMap();
    }

    private static Map<String, String> byId(List<CSVRecord> rows, String id) {
        return rows.stream().filter(r -> r.get("balance_transaction_id").equals(id)).findFirst().orElseThrow().toMap();
    }

    private static String succeeded(Response response) {
        assertThat(response.json().path("status").stringValue()).isEqualTo("succeeded");
        return response.json().path("id").stringValue();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
