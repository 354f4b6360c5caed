package dev.kassa.launcher.bench;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.checks.SystemInvariants;
import dev.kassa.launcher.checks.SystemInvariants.Check;
import dev.kassa.launcher.demo.KassaClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * {@code ./kassa bench}: open-loop checkout load against a running system, in one stage or in rising stages
 * ({@code --step}); then the drain, the stage latencies from the databases' own timestamps, CPU per process, the
 * top SQL statements, and the invariants over the run's own payments.
 */
public final class Bench {

    /** Events may still be in flight when the backlog reaches zero (a confirmation's outbox row, say). */
    private static final Duration CHECKS_SETTLE = Duration.ofSeconds(30);
    /** How long the idle CPU is sampled, once the system has settled (at most SETTLE_TIMEOUT after the drain). */
    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(10);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    /** Each poll asks PostgreSQL about every pending checkout: often enough to time the drain, rarely enough not to load it. */
    private static final Duration DRAIN_POLL = Duration.ofMillis(500);

    private final BenchTarget target;
    private final BenchOptions options;

    public Bench(BenchTarget target, BenchOptions options) {
        this.target = target;
        this.options = options;
    }

    public BenchResult run(PrintStream out) {
        requireHealthy();
        CheckoutPlan plan = new CheckoutPlan("bench" + Instant.now().getEpochSecond(), options);
        BenchReport report = new BenchReport(out, options, plan);
        CpuMeter cpu = CpuMeter.locate(target.processPorts(), target.settings().postgresPort(), target.settings().kafkaPort());
        report.header(target, cpu, postgresDurability());

        PostLog log = new PostLog((int) options.maxCheckouts());
        Backlog backlog = new Backlog(target.databases(), plan.ordersPerCheckout());
        Instant runStart = Instant.now();
        LoadRun load = load(plan, report, cpu, log, backlog, options.sqlTop() > 0, out);

        List<OrderTimeline.Order> timeline = OrderTimeline.read(target.databases(), plan,
                LongStream.range(0, log.offered()).toArray(), runStart);
        Set<Long> completed = timeline.stream().filter(o -> o.completed() > 0)
                .map(OrderTimeline.Order::checkout).collect(Collectors.toSet());
        boolean drained = backlog.orders() == 0;
        List<Check> checks = new ArrayList<>();
        checks.add(everyAcceptedCompleted(plan, log, completed));
        checks.addAll(invariants(plan.runId(), drained));

        report.results(load.stages(), log, timeline, backlog.orders(), load.drainNanos(), load.cpu(), load.idle(), cpu);
        Map<String, List<MeasuredStatement>> topStatements = Map.of();
        if (load.statementsBefore() != null && load.statementsAfter() != null) {
            topStatements = load.statementsAfter().topSince(load.statementsBefore(), options.sqlTop());
            report.statements(topStatements, load.statementsAfter().workSince(load.statementsBefore()));
        }
        OptionalDouble sustained = highestSustainedRate(load.stages(), plan.ordersPerCheckout());
        report.checks(checks, sustained, drained);
        return new BenchResult(plan.runId(), log.offered(), LongStream.range(0, log.offered()).filter(log::accepted).count(),
                completed.size(), backlog.orders(), checks, sustained, topStatements);
    }

    /**
     * What the load phase leaves for the report: its stages, the drain, CPU from the first measured stage on, the
     * statement counters at that start and after the drain (both null when not asked for, or when
     * pg_stat_statements is missing), and CPU once drained (null when the backlog did not drain).
     */
    private record LoadRun(List<StageRun> stages, long drainNanos, CpuMeter.Sample cpu,
                           StatementStatistics statementsBefore, StatementStatistics statementsAfter,
                           CpuMeter.Sample idle) {
    }

    /** The warm-up, the stage or stages, and the drain; psp-mock's latency is set meanwhile and restored after. */
    private LoadRun load(CheckoutPlan plan, BenchReport report, CpuMeter cpu, PostLog log, Backlog backlog,
                         boolean statements, PrintStream out) {
        try (PspLatencySwitch ignored = options.pspLatencyMs() < 0 ? null
                : PspLatencySwitch.set(target.url(KassaService.PSP_MOCK), target.credentials().operator().key(),
                        options.pspLatencyMs());
             OpenLoopLoad load = new OpenLoopLoad(target.url(KassaService.PAYMENT),
                     target.credentials().merchant().key(), plan, log, backlog);
             Progress progress = new Progress(out, log, backlog, System.nanoTime())) {
            long next = 0;
            long start = System.nanoTime();
            if (!options.warmup().isZero()) {
                StageRun warmup = runStage(load, log, backlog, cpu, 0, options.rate(), next, options.warmup(), start);
                next += warmup.count();
                start = warmup.endNanos();
                report.stageDone(warmup);
            }
            // The warm-up's statements are not the measured orders': they would inflate every count per order.
            StatementStatistics statementsBefore = statements ? statementStatistics(out) : null;
            CpuMeter.Sample measuredStart = cpu.sample();
            List<StageRun> stages = new ArrayList<>();
            for (int stage = 1; stage <= options.stages(); stage++) {
                StageRun run = runStage(load, log, backlog, cpu, stage, options.rateOfStage(stage - 1), next,
                        options.duration(), start);
                stages.add(run);
                next += run.count();
                start = run.endNanos();
                report.stageDone(run);
                if (!run.keptUp(plan.ordersPerCheckout())) {
                    break;
                }
            }
            progress.phase("drain");
            load.awaitAnswers();
            long drainNanos = drain(backlog, start);
            CpuMeter.Sample used = cpu.sample().minus(measuredStart);
            // Both before the analysis, whose queries are the bench's, not the system's.
            StatementStatistics statementsAfter = statementsBefore != null ? statementStatistics(out) : null;
            return new LoadRun(stages, drainNanos, used, statementsBefore, statementsAfter,
                    drainNanos < 0 ? null : idle(cpu, target));
        }
    }

    private static Check everyAcceptedCompleted(CheckoutPlan plan, PostLog log, Set<Long> completed) {
        List<String> notCompleted = LongStream.range(0, log.offered()).filter(n -> log.accepted(n) && !completed.contains(n))
                .mapToObj(n -> plan.checkoutId(n) + " accepted, not COMPLETED").toList();
        long accepted = LongStream.range(0, log.offered()).filter(log::accepted).count();
        return new Check("every accepted checkout completed after the drain (" + (accepted - notCompleted.size())
                + " of " + accepted + ")", notCompleted);
    }

    private StageRun runStage(OpenLoopLoad load, PostLog log, Backlog backlog, CpuMeter cpu, int number, double rate,
                              long first, Duration duration, long startNanos) {
        long count = Math.round(rate * duration.toMillis() / 1000.0);
        long endNanos = startNanos + duration.toNanos();
        long refusedBefore = log.failed() + log.notSent();
        long backlogAtStart = backlog.poll();
        CpuMeter.Sample before = cpu.sample();
        long[] backlogAtHalf = new long[1];
        load.drive(first, count, rate, startNanos, () -> backlogAtHalf[0] = backlog.poll());
        parkUntil(endNanos);
        CpuMeter.Sample used = cpu.sample().minus(before);
        long backlogAtEnd = backlog.poll();
        return new StageRun(number, rate, first, count, startNanos, endNanos, backlogAtStart, backlogAtHalf[0],
                backlogAtEnd, log.failed() + log.notSent() - refusedBefore, used);
    }

    /**
     * What the system uses doing nothing (Kafka consumers polling, relays, schedulers), measured once the run's
     * work is done: before the load the system may still be starting up or catching up on an earlier backlog.
     * "Done" is more than every checkout COMPLETED: the webhooks psp-mock still owes and the events that only
     * reconciliation reads come after it, so the sample starts once every outbox is empty and every webhook
     * delivered (or after SETTLE_TIMEOUT).
     */
    private static CpuMeter.Sample idle(CpuMeter cpu, BenchTarget target) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (inFlight(target) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
        }
        CpuMeter.Sample before = cpu.sample();
        parkUntil(before.wallNanos() + IDLE_SAMPLE.toNanos());
        return cpu.sample().minus(before);
    }

    /** Outbox rows not yet sent and webhooks not yet delivered, across the system. */
    private static long inFlight(BenchTarget target) {
        long pending = target.databases().count("psp", "SELECT count(*) FROM webhook_delivery WHERE delivered_at IS NULL");
        for (String database : SystemInvariants.OUTBOX_DATABASES) {
            pending += target.databases().count(database, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
        }
        return pending;
    }

    /** Waits until every accepted checkout is COMPLETED or the drain timeout passes; the time it took (or -1). */
    private long drain(Backlog backlog, long loadEnd) {
        long deadline = loadEnd + options.drainTimeout().toNanos();
        while (backlog.poll() > 0) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
        }
        return Math.max(0, System.nanoTime() - loadEnd);
    }

    /** The run's invariants; once drained they get a little time for what is still in flight. */
    private List<Check> invariants(String runId, boolean drained) {
        SystemInvariants invariants = SystemInvariants.withIdPrefix(target.databases(), runId);
        long deadline = System.nanoTime() + (drained ? CHECKS_SETTLE.toNanos() : 0);
        while (true) {
            List<Check> checks = invariants.checks();
            if (checks.stream().allMatch(Check::holds) || System.nanoTime() > deadline) {
                return checks;
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    /** With --step: the rate of the last stage before the first one that fell behind. */
    private OptionalDouble highestSustainedRate(List<StageRun> stages, int ordersPerCheckout) {
        if (!options.stepping()) {
            return OptionalDouble.empty();
        }
        OptionalDouble best = OptionalDouble.empty();
        for (StageRun stage : stages) {
            if (!stage.keptUp(ordersPerCheckout)) {
                break;
            }
            best = OptionalDouble.of(stage.rate());
        }
        return best;
    }

    private void requireHealthy() {
        KassaClient http = new KassaClient();
        List<String> down = new ArrayList<>();
        for (KassaService service : KassaService.values()) {
            String url = target.url(service) + "/actuator/health";
            try {
                if (!http.get(url).isSuccess()) {
                    down.add(service.module() + " (" + url + ")");
                }
            } catch (RuntimeException e) {
                down.add(service.module() + " (" + url + ": " + e.getMessage() + ")");
            }
        }
        if (!down.isEmpty()) {
            throw new IllegalStateException("Not healthy: " + String.join(", ", down));
        }
    }

    private String postgresDurability() {
        var row = target.databases().rows("payment",
                "SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc, "
                        + "current_setting('commit_delay') AS cd").getFirst();
        return String.format(Locale.ROOT, "fsync=%s, synchronous_commit=%s, commit_delay=%s us", row.get("fsync"),
                row.get("sc"), row.get("cd"));
    }

    private StatementStatistics statementStatistics(PrintStream out) {
        try {
            return StatementStatistics.snapshot(target.databases());
        } catch (RuntimeException e) {
            out.println("pg_stat_statements is not available (" + rootCause(e) + "): no statement figures.");
            return null;
        }
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    private static void parkUntil(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
