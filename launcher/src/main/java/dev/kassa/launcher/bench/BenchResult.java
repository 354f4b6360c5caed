package dev.kassa.launcher.bench;

import dev.kassa.launcher.checks.SystemInvariants.Check;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The outcome of a bench, beyond what it printed: what was offered and what completed, every check, and with
 * {@code --step} the highest rate whose backlog did not grow.
 *
 * @param offeredCheckouts   checkouts due in the run (warm-up included)
 * @param acceptedCheckouts  of which payment-service answered 2xx
 * @param completedCheckouts checkouts of the run COMPLETED at the end (after the drain)
 * @param backlogOrders      orders of accepted checkouts not completed when the drain ended
 * @param topStatements      with {@code --sql-top N}, each database's N statements by execution time in the
 *                           measured phase (empty without it, or without pg_stat_statements)
 */
public record BenchResult(String runId, long offeredCheckouts, long acceptedCheckouts, long completedCheckouts,
                          long backlogOrders, List<Check> checks, OptionalDouble highestSustainedRate,
                          Map<String, List<MeasuredStatement>> topStatements) {

    public boolean checksPassed() {
        return checks.stream().allMatch(Check::holds);
    }

    public List<Check> failedChecks() {
        return checks.stream().filter(check -> !check.holds()).toList();
    }
}
