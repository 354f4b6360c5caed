package dev.kassa.reconciliation.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.reconciliation.config.ReconciliationProperties;
import dev.kassa.reconciliation.support.BalanceTransactionServer;
import dev.kassa.reconciliation.support.BalanceTransactions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading a day's balance transactions page by page from a stand-in PSP (no Spring, no database). */
class BalanceTransactionClientTest {

    private static final BalanceTransactionServer PSP = BalanceTransactionServer.shared();
    private static final AtomicInteger DAYS = new AtomicInteger();

    private final BalanceTransactionClient client = new BalanceTransactionClient(new ReconciliationProperties(
            "-", "UTC", Duration.ofMinutes(30), Duration.ofHours(1), 1000, 1000, Period.ofDays(35),
            new ReconciliationProperties.Psp(URI.create(PSP.baseUrl()), BalanceTransactionServer.API_KEY,
                    Duration.ofSeconds(5), Duration.ofSeconds(2))));

    @Test
    void readsEveryPageOfTheUtcDayWithTheContractsParameters() {
        LocalDate day = uniqueDay();
        BalanceTransactions listed = charges(day, 250);
        PSP.serve(day, listed);
        Rows rows = new Rows();

        BalanceTransactionClient.Result result = client.read(day, rows);

        assertThat(result).isEqualTo(new BalanceTransactionClient.Result(250, 250, 0, 0));
        assertThat(rows.rows).extracting(SettlementRow::balanceTransactionId)
                .containsExactlyElementsOf(ids(listed));
        assertThat(rows.rows).extracting(SettlementRow::lineNumber).startsWith(1L, 2L).endsWith(250L);
        List<Map<String, String>> requests = PSP.requests(day);
        assertThat(requests).as("pages of 100").hasSize(3);
        long gte = day.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        assertThat(requests.getFirst()).isEqualTo(Map.of(
                "created[gte]", Long.toString(gte), "created[lt]", Long.toString(gte + 86_400),
                "limit", "100", "expand[]", "data.source", BalanceTransactionServer.STRIPE_VERSION_SEEN,
                BalanceTransactionClient.STRIPE_VERSION));
        assertThat(requests.get(1)).containsEntry("starting_after", "txn_" + day + "_100");
        assertThat(requests.get(2)).containsEntry("starting_after", "txn_" + day + "_200");
    }

    @Test
    void anUnmappableTransactionIsReportedAndTheRestAreRead() {
        LocalDate day = uniqueDay();
        PSP.serve(day, charges(day, 2).raw("""
                {"id":"txn_fee","type":"stripe_fee","amount":-100,"fee":0,"net":-100,"currency":"usd","created":1}
                """).raw("""
                {"id":"txn_orphan","type":"charge","amount":100,"fee":0,"net":100,"currency":"usd","created":1,
                 "source":{"id":"ch_1","metadata":{}}}
                """));
        Rows rows = new Rows();

        BalanceTransactionClient.Result result = client.read(day, rows);

        assertThat(result).as("the fee is skipped, the charge without an intent is malformed")
                .isEqualTo(new BalanceTransactionClient.Result(3, 2, 1, 1));
        assertThat(rows.malformed).containsExactly("4 charge source has no payment_intent");
    }

    @Test
    void aPspThatFailsMidWayFailsTheRead() {
        LocalDate day = uniqueDay();
        PSP.failAfterPages(day, charges(day, 250), 1, 503, "{\"error\":{\"type\":\"api_error\"}}");

        assertThatThrownBy(() -> client.read(day, new Rows()))
                .isInstanceOf(SettlementFileException.class).hasMessageContaining("503");
    }

    @Test
    void aPspThatStallsMidWayFailsTheReadAfterTheReadTimeout() {
        LocalDate day = uniqueDay();
        PSP.stallAfterPages(day, charges(day, 250), 2);

        assertThatThrownBy(() -> client.read(day, new Rows()))
                .isInstanceOf(SettlementFileException.class).hasMessageContaining("could not be reached");
        assertThat(PSP.requests(day)).hasSize(3);
    }

    private static BalanceTransactions charges(LocalDate day, int count) {
        BalanceTransactions listed = new BalanceTransactions();
        Instant noon = day.atStartOfDay(java.time.ZoneOffset.UTC).plusHours(12).toInstant();
        for (int i = 1; i <= count; i++) {
            listed.charge("txn_" + day + "_" + i, "pi_" + i, "po-" + i, 1000 + i, 59, "EUR", noon.minusSeconds(i));
        }
        return listed;
    }

    private static List<String> ids(BalanceTransactions listed) {
        List<String> ids = new ArrayList<>();
        listed.forEach(txn -> ids.add(txn.id()));
        return ids;
    }

    private static LocalDate uniqueDay() {
        return LocalDate.of(2001, 1, 1).plusDays(DAYS.incrementAndGet());
    }

    private static final class Rows implements SettlementRowSink {
        final List<SettlementRow> rows = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public void row(SettlementRow row) {
            rows.add(row);
        }

        @Override
        public void malformed(long lineNumber, String reason, String raw) {
            malformed.add(lineNumber + " " + reason);
        }
    }
}
