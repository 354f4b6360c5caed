package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.bench.StatementStatistics.Counters;
import dev.kassa.launcher.bench.StatementStatistics.DatabaseWork;
import dev.kassa.launcher.bench.StatementStatistics.Key;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementStatisticsTest {

    private static final Key INSERT = new Key(1, 10, 100, true);
    private static final Key BEGIN = new Key(1, 10, 101, true);
    private static final Key IN_TRIGGER = new Key(1, 10, 102, false);
    private static final Key BENCH_POLL = new Key(1, 99, 103, true);
    private static final Key NEW_UPDATE = new Key(1, 10, 104, true);

    @Test
    void countsTheServicesStatementsAndTransactionsSinceTheEarlierSnapshot() {
        StatementStatistics before = snapshot(Map.of(
                INSERT, counters(100, 40, 2.0, false, "INSERT INTO checkout VALUES ($1)"),
                BEGIN, counters(100, 0, 0, false, "BEGIN"),
                IN_TRIGGER, counters(100, 100, 50.0, false, "SELECT e.seq FROM journal_entry e"),
                BENCH_POLL, counters(5, 5, 1.0, true, "SELECT checkout_id FROM checkout")),
                Map.of("payment", 1_000L));
        StatementStatistics after = snapshot(Map.of(
                INSERT, counters(160, 41, 2.5, false, "INSERT INTO checkout VALUES ($1)"),
                BEGIN, counters(160, 0, 0, false, "BEGIN"),
                IN_TRIGGER, counters(130, 130, 80.0, false, "SELECT e.seq FROM journal_entry e"),
                BENCH_POLL, counters(9, 9, 2.0, true, "SELECT checkout_id FROM checkout"),
                NEW_UPDATE, counters(20, 20, 4.0, false, "UPDATE checkout SET status = $1")),
                Map.of("payment", 1_070L));

        DatabaseWork work = after.workSince(before).get("payment");

        // 60 inserts and 20 updates; BEGIN, the trigger's statement and the bench's own poll are no round trips of a service.
        assertThat(work.statements()).isEqualTo(80);
        assertThat(work.transactions()).isEqualTo(70);
        assertThat(work.plans()).isEqualTo(21);
        assertThat(work.planMillis()).isEqualTo(4.5);
    }

    @Test
    void theTopStatementsLeaveTheBenchsOwnQueriesOut() {
        StatementStatistics before = snapshot(Map.of(), Map.of());
        StatementStatistics after = snapshot(Map.of(
                INSERT, counters(10, 0, 0, false, "INSERT INTO checkout VALUES ($1)"),
                BENCH_POLL, counters(9, 0, 0, true, "SELECT checkout_id FROM checkout")),
                Map.of());

        assertThat(after.topSince(before, 5).get("payment"))
                .extracting(MeasuredStatement::query)
                .containsExactly("INSERT INTO checkout VALUES ($1)");
    }

    private static StatementStatistics snapshot(Map<Key, Counters> counters, Map<String, Long> transactions) {
        return new StatementStatistics(new HashMap<>(counters), new HashMap<>(transactions));
    }

    /** Execution time is the number of calls in ms, so that the top list has an order. */
    private static Counters counters(long calls, long plans, double planMillis, boolean own, String query) {
        return new Counters("payment", calls, calls, calls, plans, planMillis, own, query);
    }
}
