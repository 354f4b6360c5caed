package dev.kassa.launcher.bench;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.checks.SystemInvariants.Check;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** What a bench prints: its settings, a line per stage, then the tables and the checks. */
final class BenchReport {

    /** The databases in the order of a payment's path, for the statement tables. */
    private static final List<String> DATABASES = List.of("payment", "psp", "wallet", "ledger", "reconciliation");

    /** A stage of an order's path: its name, where its timestamp comes from, and how to read it. */
    private record Milestone(String name, String source, ToLongFunction<OrderTimeline.Order> time) {
    }

    private static final List<Milestone> MILESTONES = List.of(
            new Milestone("created", "payment: payment_order.created_at", OrderTimeline.Order::created),
            new Milestone("charged", "psp: balance_transaction.created_at", OrderTimeline.Order::charged),
            new Milestone("PSP result applied", "payment: payment_order.status_changed_at", OrderTimeline.Order::resolved),
            new Milestone("in wallet", "wallet: wallet_movement.recorded_at", OrderTimeline.Order::credited),
            new Milestone("in ledger", "ledger: journal_entry.recorded_at", OrderTimeline.Order::posted),
            new Milestone("completed", "payment: checkout.completed_at", OrderTimeline.Order::completed));

    private final PrintStream out;
    private final BenchOptions options;
    private final CheckoutPlan plan;
    private long measuredOrdersCompleted;

    BenchReport(PrintStream out, BenchOptions options, CheckoutPlan plan) {
        this.out = out;
        this.options = options;
        this.plan = plan;
    }

    void header(BenchTarget target, CpuMeter cpu, String durability) {
        out.printf("%nKassa bench %s: %s%n", plan.runId(), options.describe());
        out.printf("  system %s; payment-service %s; PostgreSQL on port %d (%s); %d cores%n", target.description(),
                target.url(KassaService.PAYMENT), target.settings().postgresPort(), durability,
                Runtime.getRuntime().availableProcessors());
        if (!ProcessCpu.available()) {
            out.println("  no /proc on this system: no CPU figures");
        } else if (!cpu.notFound().isEmpty()) {
            out.println("  no process found listening for " + String.join(", ", cpu.notFound()) + ": its CPU is not counted");
        }
        out.println();
    }

    void stageDone(StageRun stage) {
        String name = stage.warmup() ? "warm-up" : options.stepping() ? "stage " + stage.number() : "load";
        out.printf(Locale.ROOT, "%s done: %s/s for %.0f s, %d checkouts, backlog %d -> %d -> %d orders (start, half-way, end)%s%n", name,
                BenchOptions.number(stage.rate()), stage.seconds(), stage.count(), stage.backlogAtStart(),
                stage.backlogAtHalf(), stage.backlogAtEnd(), stage.warmup() || !options.stepping() ? ""
                        : stage.keptUp(plan.ordersPerCheckout()) ? "  -> kept up" : "  -> FELL BEHIND (backlog grew)");
    }

    void results(List<StageRun> stages, PostLog log, List<OrderTimeline.Order> timeline, long backlogLeft,
                 long drainNanos, CpuMeter.Sample loadAndDrain, CpuMeter.Sample idle, CpuMeter cpu) {
        Map<Long, Long> completedAt = completionByCheckout(timeline);
        StageRun first = stages.getFirst();
        StageRun last = stages.getLast();
        measuredOrdersCompleted = timeline.stream()
                .filter(o -> o.checkout() >= first.first() && o.completed() > 0).count();
        out.println();
        if (options.stepping()) {
            stageTable(stages, log, timeline, completedAt);
        }
        StageRun focus = options.stepping() ? lastKeptUp(stages) : first;
        if (focus == null) {
            out.println("Not even the first stage kept up: its figures follow.");
            focus = first;
        }
        String scope = options.stepping() ? " (stage " + focus.number() + ", " + BenchOptions.number(focus.rate()) + "/s)" : "";
        throughput(focus, log, timeline, completedAt, scope);
        out.printf(Locale.ROOT, "backlog at the end of the load: %d orders; %s%n%n", last.backlogAtEnd(), drainNanos < 0
                ? "NOT drained after " + BenchOptions.seconds(options.drainTimeout()) + ": " + backlogLeft + " orders left"
                : String.format(Locale.ROOT, "drained %.1f s after the load", drainNanos / 1e9));
        latencies(focus, log, timeline, scope);
        cpu(focus, loadAndDrain, idle, cpu, scope);
    }

    void statements(Map<String, List<MeasuredStatement>> top,
                    Map<String, StatementStatistics.DatabaseWork> work) {
        double orders = Math.max(1, measuredOrdersCompleted);
        out.println("Statements the services sent, and transactions, per completed order, load and drain"
                + " (pg_stat_statements, pg_stat_database; BEGIN and COMMIT not counted as statements):");
        long allStatements = 0;
        long allTransactions = 0;
        boolean planningTracked = false;
        for (String database : DATABASES) {
            StatementStatistics.DatabaseWork w = work.getOrDefault(database,
                    new StatementStatistics.DatabaseWork(database, 0, 0, 0, 0));
            allStatements += w.statements();
            allTransactions += w.transactions();
            planningTracked |= w.plans() > 0;
            out.printf(Locale.ROOT, "  %-15s %6.1f statements %5.2f transactions%s%n", database, w.statements() / orders,
                    w.transactions() / orders, w.plans() == 0 ? ""
                            : String.format(Locale.ROOT, "   %.2f plans, %.3f ms planning", w.plans() / orders,
                                    w.planMillis() / orders));
        }
        out.printf(Locale.ROOT, "  %-15s %6.1f statements %5.2f transactions%n", "all", allStatements / orders,
                allTransactions / orders);
        if (!planningTracked) {
            out.println("  (planning not counted: pg_stat_statements.track_planning is off; docs/architecture.md §9)");
        }
        out.println();
        out.printf("Top %d statements per database by execution time, load and drain (pg_stat_statements):%n", options.sqlTop());
        for (String database : DATABASES) {
            List<MeasuredStatement> statements = top.getOrDefault(database, List.of());
            out.printf("  %s%n    %9s %10s %9s %9s %10s  %s%n", database, "calls", "total ms", "mean us", "us/order", "rows", "query");
            for (MeasuredStatement s : statements) {
                out.printf(Locale.ROOT, "    %9d %10.0f %9.1f %9.1f %10d  %s%n", s.calls(), s.totalMillis(),
                        s.totalMillis() * 1000 / s.calls(), s.totalMillis() * 1000 / Math.max(1, measuredOrdersCompleted),
                        s.rows(), abbreviate(s.query(), 110));
            }
        }
        out.println();
    }

    void checks(List<Check> checks, OptionalDouble sustained, boolean drained) {
        if (options.stepping()) {
            out.println(sustained.isPresent()
                    ? "Highest rate whose backlog did not grow: " + BenchOptions.number(sustained.getAsDouble())
                            + " checkouts/s (" + BenchOptions.number(sustained.getAsDouble() * plan.ordersPerCheckout()) + " orders/s)"
                    : "No stage kept up: the highest sustainable rate is below " + BenchOptions.number(options.rate()) + " checkouts/s");
            out.println();
        }
        out.printf("Checks over the run's ids (%s*):%n", plan.runId());
        if (!drained) {
            out.println("  (the backlog did not drain: payments still on their way show up below as well)");
        }
        for (Check check : checks) {
            out.printf("  %s  %s%n", check.holds() ? "PASS" : "FAIL", check.name());
            check.problems().stream().limit(5).forEach(problem -> out.println("          " + problem));
            if (check.problems().size() > 5) {
                out.println("          ... " + (check.problems().size() - 5) + " more");
            }
        }
        long failed = checks.stream().filter(c -> !c.holds()).count();
        out.println(failed == 0 ? "All checks passed." : failed + " check(s) FAILED.");
    }

    private void stageTable(List<StageRun> stages, PostLog log, List<OrderTimeline.Order> timeline,
                            Map<Long, Long> completedAt) {
        out.printf("%5s %8s %8s %12s %16s %11s %20s %22s %7s  %s%n", "stage", "rate/s", "offered", "POST ok/err",
                "POST p50/p99 ms", "completed/s", "completed p50/p99 ms", "backlog start/half/end", "CPU %", "");
        for (StageRun stage : stages) {
            Percentiles post = postLatencies(stage, log);
            Percentiles done = latencies(stage, log, timeline, OrderTimeline.Order::completed);
            out.printf(Locale.ROOT, "%5d %8s %8d %12s %16s %11.1f %20s %22s %7.0f  %s%n", stage.number(),
                    BenchOptions.number(stage.rate()), stage.count(), accepted(stage, log) + "/" + stage.notAccepted(),
                    String.format(Locale.ROOT, "%.1f / %.1f", post.millis(50), post.millis(99)),
                    completedWithin(stage, log, completedAt) / stage.seconds(),
                    String.format(Locale.ROOT, "%.0f / %.0f", done.millis(50), done.millis(99)),
                    stage.backlogAtStart() + " / " + stage.backlogAtHalf() + " / " + stage.backlogAtEnd(),
                    stage.cpu().totalNanos() / (double) stage.cpu().wallNanos() * 100,
                    stage.keptUp(plan.ordersPerCheckout()) ? "kept up" : "FELL BEHIND");
        }
        out.println();
    }

    private void throughput(StageRun stage, PostLog log, List<OrderTimeline.Order> timeline, Map<Long, Long> completedAt,
                            String scope) {
        int orders = plan.ordersPerCheckout();
        long accepted = accepted(stage, log);
        long completed = completedAt.keySet().stream().filter(n -> inStage(stage, n)).count();
        long completedDuring = completedWithin(stage, log, completedAt);
        out.printf("Throughput%s%n", scope);
        out.printf("  %-44s %10s %10s%n", "", "checkouts", "orders");
        out.printf(Locale.ROOT, "  %-44s %10d %10d   %.1f checkouts/s%n", "offered (open loop, " + BenchOptions.seconds(
                Duration.ofNanos(stage.endNanos() - stage.startNanos())) + ")", stage.count(), stage.count() * orders,
                stage.count() / stage.seconds());
        long failed = failed(stage, log);
        long createdAnyway = failedButCreated(stage, log, timeline);
        out.printf(Locale.ROOT, "  %-44s %10d %10d   %d failed%s, %d not sent (over %d in flight)%n", "accepted (POST 2xx)",
                accepted, accepted * orders, failed, createdAnyway == 0 ? ""
                        : " (" + createdAnyway + " of them created all the same, the answer lost or late)",
                notSent(stage, log), OpenLoopLoad.MAX_IN_FLIGHT);
        if (log.retries() > 0) {
            out.printf("  %-44s %10d   (timed out or 5xx, sent again; whole run)%n", "POSTs retried", log.retries());
        }
        out.printf(Locale.ROOT, "  %-44s %10d %10d   %.1f %% of accepted%n", "completed (by the end of the drain)",
                completed, completed * orders, accepted == 0 ? 0 : 100.0 * completed / accepted);
        out.printf(Locale.ROOT, "  %-44s %10d %10d   %.1f checkouts/s%n", "completed during the load (any checkout)",
                completedDuring, completedDuring * orders, completedDuring / stage.seconds());
        List<String> failures = log.failureExamples();
        if (!failures.isEmpty()) {
            out.println("  failed POSTs, e.g.: " + String.join("; ", failures));
        }
    }

    private void latencies(StageRun stage, PostLog log, List<OrderTimeline.Order> timeline, String scope) {
        out.printf("Latency%s, ms after the checkout was due to be sent (open-loop schedule; database clocks are this host's)%n", scope);
        out.printf("  %-20s %-42s %8s %8s %8s %8s %8s%n", "", "timestamp", "p50", "p95", "p99", "max", "n");
        row("POST answered", "client side", postLatencies(stage, log));
        for (Milestone milestone : MILESTONES) {
            row(milestone.name(), milestone.source(), latencies(stage, log, timeline, milestone.time()));
        }
        out.println("  (now() in a transaction is its start: a consumer batch stamps all its rows with the batch's start)");
        out.println();
    }

    private void row(String name, String source, Percentiles p) {
        out.printf(Locale.ROOT, "  %-20s %-42s %8.1f %8.1f %8.1f %8.1f %8d%n", name, source, p.millis(50), p.millis(95),
                p.millis(99), p.maxMillis(), p.count());
    }

    private void cpu(StageRun stage, CpuMeter.Sample loadAndDrain, CpuMeter.Sample idle, CpuMeter meter, String scope) {
        if (!ProcessCpu.available()) {
            return;
        }
        CpuMeter.Sample used = stage.cpu();
        out.printf(Locale.ROOT, "CPU during the load%s, %.1f s, and idle once drained, %s (from /proc/<pid>/stat)%n", scope,
                used.wallNanos() / 1e9, idle == null ? "not measured (not drained)"
                        : String.format(Locale.ROOT, "%.1f s", idle.wallNanos() / 1e9));
        out.printf("  %-42s %8s %14s %10s %14s %10s%n", "% of one core", "pid", "load", "of it JIT", "idle", "CPU s load");
        Map<String, Long> pids = meter.pids();
        List<Map.Entry<String, Long>> parts = new ArrayList<>(used.cpuNanos().entrySet());
        parts.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> part : parts) {
            String name = part.getKey();
            OptionalLong jit = used.jit(name);
            out.printf(Locale.ROOT, "  %-42s %8s %14.1f %10s %14s %10.2f%n", name + (name.equals(CpuMeter.POSTGRES) ? " (all processes)" : ""),
                    pids.getOrDefault(name, 0L), percent(part.getValue(), used),
                    jit.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", percent(jit.getAsLong(), used)),
                    idle == null ? "-" : String.format(Locale.ROOT, "%.1f", percent(idle.nanos(name), idle)), part.getValue() / 1e9);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "  %-42s %8s %14.1f %10.1f %14s %10.2f   (of %d %% on %d cores)%n", "total", "",
                percent(used.totalNanos(), used), percent(used.totalJitNanos(), used),
                idle == null ? "-" : String.format(Locale.ROOT, "%.1f", percent(idle.totalNanos(), idle)),
                used.totalNanos() / 1e9, cores * 100, cores);
        out.println("  (" + meter.attribution() + "; \"of it JIT\": each JVM's C1 and C2 compiler threads,"
                + " docs/architecture.md §9)");
        meter.notes().forEach(note -> out.println("  (" + note + ")"));
        CpuMeter.Sample window = options.stepping() ? used : loadAndDrain;
        long orders = options.stepping() ? stage.count() * plan.ordersPerCheckout() : Math.max(1, measuredOrdersCompleted);
        long system = window.totalNanos() - window.nanos(CpuMeter.LOAD_GENERATOR);
        out.printf(Locale.ROOT, "CPU per %s (%.1f s): %.2f ms all processes; %.2f ms without the load generator",
                options.stepping() ? "order offered in this stage" : "completed order, load + drain", window.wallNanos() / 1e9,
                window.totalNanos() / 1e6 / orders, system / 1e6 / orders);
        if (idle != null) {
            double idleRate = (idle.totalNanos() - idle.nanos(CpuMeter.LOAD_GENERATOR)) / (double) idle.wallNanos();
            out.printf(Locale.ROOT, ", of which %.2f ms above the system's idle use", (system - idleRate * window.wallNanos()) / 1e6 / orders);
        }
        out.printf("%n%n");
    }

    private static double percent(long nanos, CpuMeter.Sample window) {
        return nanos * 100.0 / window.wallNanos();
    }

    private Percentiles postLatencies(StageRun stage, PostLog log) {
        List<Long> micros = new ArrayList<>();
        for (long n = stage.first(); n < stage.first() + stage.count(); n++) {
            if (log.status(n) > 0) {
                micros.add(log.latencyNanos(n) / 1000);
            }
        }
        return new Percentiles(micros.stream().mapToLong(Long::longValue).toArray());
    }

    private static Percentiles latencies(StageRun stage, PostLog log, List<OrderTimeline.Order> timeline,
                                         ToLongFunction<OrderTimeline.Order> time) {
        return new Percentiles(timeline.stream()
                .filter(o -> inStage(stage, o.checkout()) && time.applyAsLong(o) > 0)
                .mapToLong(o -> time.applyAsLong(o) - log.dueEpochMicros(o.checkout()))
                .toArray());
    }

    /** Checkouts of the whole run whose completed_at falls inside the stage's window. */
    private static long completedWithin(StageRun stage, PostLog log, Map<Long, Long> completedAt) {
        long from = log.toEpochMicros(stage.startNanos());
        long to = log.toEpochMicros(stage.endNanos());
        return completedAt.values().stream().filter(t -> t >= from && t < to).count();
    }

    private static Map<Long, Long> completionByCheckout(List<OrderTimeline.Order> timeline) {
        Map<Long, Long> completedAt = new HashMap<>();
        for (OrderTimeline.Order order : timeline) {
            if (order.completed() > 0) {
                completedAt.put(order.checkout(), order.completed());
            }
        }
        return completedAt;
    }

    private StageRun lastKeptUp(List<StageRun> stages) {
        StageRun best = null;
        for (StageRun stage : stages) {
            if (!stage.keptUp(plan.ordersPerCheckout())) {
                break;
            }
            best = stage;
        }
        return best;
    }

    private static boolean inStage(StageRun stage, long n) {
        return n >= stage.first() && n < stage.first() + stage.count();
    }

    private static long accepted(StageRun stage, PostLog log) {
        long accepted = 0;
        for (long n = stage.first(); n < stage.first() + stage.count(); n++) {
            accepted += log.accepted(n) ? 1 : 0;
        }
        return accepted;
    }

    private static long failed(StageRun stage, PostLog log) {
        long failed = 0;
        for (long n = stage.first(); n < stage.first() + stage.count(); n++) {
            failed += log.status(n) >= 0 && !log.accepted(n) ? 1 : 0;
        }
        return failed;
    }

    /**
     * POSTs of the stage that failed on the client's side although payment-service created their checkout: the
     * answer was lost or came too late (a retry with the same key would have been answered 200). Such a checkout is
     * paid and completes like any other, so "completed" can exceed "accepted".
     */
    static long failedButCreated(StageRun stage, PostLog log, List<OrderTimeline.Order> timeline) {
        Set<Long> created = timeline.stream().map(OrderTimeline.Order::checkout).collect(Collectors.toSet());
        long count = 0;
        for (long n = stage.first(); n < stage.first() + stage.count(); n++) {
            count += log.status(n) >= 0 && !log.accepted(n) && created.contains(n) ? 1 : 0;
        }
        return count;
    }

    private static long notSent(StageRun stage, PostLog log) {
        long notSent = 0;
        for (long n = stage.first(); n < stage.first() + stage.count(); n++) {
            notSent += log.status(n) == PostLog.NOT_SENT ? 1 : 0;
        }
        return notSent;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
