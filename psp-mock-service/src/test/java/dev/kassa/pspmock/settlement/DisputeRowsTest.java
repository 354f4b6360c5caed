package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Dispute;
import com.stripe.param.BalanceTransactionListParams;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.StripeSdk;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dispute's money in the settlement file and in {@code GET /v1/balance_transactions}: the withdrawal with the dispute
 * fee, and a won dispute's reversal, each naming its dispute so that reconciliation can match them.
 */
class DisputeRowsTest extends PspIntegrationTest {

    private final Set<LocalDate> touchedDays = new LinkedHashSet<>();
    private StripeClient stripe;
    private long since;
    private LocalDate firstDay;

    @BeforeEach
    void start() {
        stripe = StripeSdk.client(port);
        since = Instant.now().getEpochSecond();
        firstDay = today();
    }

    @AfterEach
    void removeInjectedDiscrepancies() {
        touchedDays.forEach(day -> admin.delete("/admin/settlements/" + day + "/discrepancies"));
    }

    /** A charge by Stripe's dispute card, its dispute decided won by an operator; answers {intent, dispute}. */
    private String[] disputedAndWon(long amount, String currency, String order) {
        Response charge = api.post("/v1/payment_intents", PspApi.newKey(),
                PspApi.intentBody(amount, currency, "tok_createDispute", order));
        String intent = charge.json().path("id").stringValue();
        String dispute = api.get("/v1/disputes?payment_intent=" + intent).json().path("data").get(0).path("id")
                .stringValue();
        assertThat(admin.post("/admin/disputes/" + dispute + "/decide", null, "{\"outcome\": \"won\"}").status())
                .isEqualTo(200);
        return new String[] {intent, dispute};
    }

    @Test
    void theFileHasTheWithdrawalWithTheFeeAndTheReversalNamingTheDispute() {
        String order = "po-" + UUID.randomUUID();
        String[] ids = disputedAndWon(10_000, "USD", order);
        String intent = ids[0];
        String dispute = ids[1];

        List<CSVRecord> rows = rowsBetween(firstDay, today()).stream()
                .filter(r -> r.get("payment_intent_id").equals(intent)).toList();

        assertThat(rows).extracting(r -> r.get("type")).containsExactly("charge", "dispute", "dispute_reversal");
        // USD: charge fee 2.9 % + 0.30; dispute fee 15.00, not returned when won (application.yaml).
        assertThat(rows.get(0).toMap()).containsEntry("amount", "10000").containsEntry("fee", "320")
                .containsEntry("net", "9680").containsEntry("dispute_id", "").containsEntry("refund_id", "");
        assertThat(rows.get(1).toMap()).containsEntry("amount", "-10000").containsEntry("fee", "1500")
                .containsEntry("net", "-11500").containsEntry("currency", "USD").containsEntry("refund_id", "")
                .containsEntry("dispute_id", dispute).containsEntry("payment_order_id", order);
        assertThat(rows.get(2).toMap()).containsEntry("amount", "10000").containsEntry("fee", "0")
                .containsEntry("net", "10000").containsEntry("dispute_id", dispute)
                .containsEntry("payment_order_id", order);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("balance_transaction_id")).startsWith("txn_"));
    }

    @Test
    void theListShowsThemAsAdjustmentsWithTheDisputeAsSource() throws StripeException {
        String[] ids = disputedAndWon(4_000, "JPY", "po-" + UUID.randomUUID());
        String intent = ids[0];
        String dispute = ids[1];

        List<BalanceTransaction> adjustments = listAll(created().setType("adjustment").addExpand("data.source")
                .build()).stream().filter(t -> t.getSource().equals(dispute)).toList();

        assertThat(adjustments).extracting(BalanceTransaction::getReportingCategory)
                .containsExactlyInAnyOrder("dispute", "dispute_reversal");
        BalanceTransaction withdrawal = adjustments.stream()
                .filter(t -> t.getReportingCategory().equals("dispute")).findFirst().orElseThrow();
        assertThat(withdrawal.getType()).isEqualTo("adjustment");
        assertThat(withdrawal.getCurrency()).isEqualTo("jpy");
        // JPY has no minor unit: the dispute fee of JPY 1500 is 1500.
        assertThat(withdrawal.getAmount()).isEqualTo(-4_000);
        assertThat(withdrawal.getFee()).isEqualTo(1_500);
        assertThat(withdrawal.getNet()).isEqualTo(-5_500);
        assertThat(withdrawal.getSourceObject()).isInstanceOfSatisfying(Dispute.class, d -> {
            assertThat(d.getId()).isEqualTo(dispute);
            assertThat(d.getPaymentIntent()).isEqualTo(intent);
            assertThat(d.getCharge()).isEqualTo("ch_" + intent.substring(3));
            assertThat(d.getAmount()).isEqualTo(4_000);
            assertThat(d.getStatus()).isEqualTo("won");
            assertThat(d.getReason()).isEqualTo("fraudulent");
        });
        assertThat(listAll(created().setSource(dispute).build())).extracting(BalanceTransaction::getId)
                .containsExactlyInAnyOrderElementsOf(adjustments.stream().map(BalanceTransaction::getId).toList());
        // Stripe's types only: a reporting category is no type, and charges are not adjustments.
        assertThat(listAll(created().setType("dispute").build())).isEmpty();
        assertThat(listAll(created().setType("charge").build())).extracting(BalanceTransaction::getType)
                .containsOnly("charge");
        assertThat(listAll(created().setType("adjustment").build())).extracting(BalanceTransaction::getType)
                .containsOnly("adjustment");
    }

    @Test
    void aDisputeRowCanBeDroppedFromTheFileLikeAnyOther() {
        LocalDate day = today();
        touchedDays.add(day);
        String[] ids = disputedAndWon(2_000, "EUR", "po-" + UUID.randomUUID());
        String withdrawal = rowsBetween(day, day).stream()
                .filter(r -> r.get("dispute_id").equals(ids[1]) && r.get("type").equals("dispute"))
                .findFirst().orElseThrow().get("balance_transaction_id");

        Response drop = admin.post("/admin/settlements/" + day + "/drop-row", null,
                "{\"balance_transaction_id\": \"" + withdrawal + "\"}");

        assertThat(drop.status()).as(drop.toString()).isEqualTo(201);
        assertThat(drop.json().path("type").stringValue()).isEqualTo("dispute");
        assertThat(rowsBetween(day, day)).extracting(r -> r.get("balance_transaction_id")).doesNotContain(withdrawal);
    }

    private List<BalanceTransaction> listAll(BalanceTransactionListParams params) throws StripeException {
        List<BalanceTransaction> all = new ArrayList<>();
        stripe.v1().balanceTransactions().list(params).autoPagingIterable().forEach(all::add);
        return all;
    }

    private BalanceTransactionListParams.Builder created() {
        return BalanceTransactionListParams.builder().setLimit(100L)
                .setCreated(BalanceTransactionListParams.Created.builder().setGte(since).build());
    }

    private List<CSVRecord> rowsBetween(LocalDate first, LocalDate last) {
        List<CSVRecord> rows = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Response response = admin.get("/admin/settlements/" + day);
            assertThat(response.status()).isEqualTo(200);
            try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(response.body()))) {
                rows.addAll(parser.getRecords());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
