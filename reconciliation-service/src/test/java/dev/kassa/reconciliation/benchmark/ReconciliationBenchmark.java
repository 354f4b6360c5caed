package dev.kassa.reconciliation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.kassa.reconciliation.run.ReconciliationRunner;
import dev.kassa.reconciliation.run.ReportRun;
import dev.kassa.reconciliation.run.ReportRuns;
import dev.kassa.reconciliation.run.RunTrigger;
import dev.kassa.web.security.AuditContext;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.BalanceTransactions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reconciles generated days of 10,000 and 100,000 settlement rows and prints rows/s and the heap, to show
 * that memory does not grow with the file. Not part of {@code verify}; run it with
 * {@code ./mvnw -B -pl reconciliation-service verify -Dtest=ReconciliationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dkassa.benchmark.rows=...} for other sizes, comma separated).
 *
 * <p>The projection is seeded with SQL (one success, wallet credit and journal entry per payment): the
 * benchmark measures the run, not Kafka. The file is generated while it is served, never held in memory;
 * one row in a thousand is changed, dropped or invented, and ten lines are malformed.
 */
class ReconciliationBenchmark extends ReconciliationTestBase {

    @Autowired
    ReconciliationRunner runner;

    @Autowired
    ReportRuns runs;

    @Test
    void reconcileLargeDays() {
        List<String> lines = new ArrayList<>();
        String sizes = System.getProperty("kassa.benchmark.rows", "10000,100000");
        int round = 0;
        for (String size : sizes.split(",")) {
            int rows = Integer.parseInt(size.trim());
            // recent days (kept staged): no run spends time forgetting another's file
            lines.add(measure(LocalDate.now(ZoneOffset.UTC).minusDays(30).plusDays(3L * round++), rows));
        }
        System.out.println();
        System.out.println("=== reconciliation benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, -Xmx"
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m) ===");
        lines.forEach(System.out::println);
        System.out.println();
    }

    private String measure(LocalDate day, int rows) {
        String prefix = "b" + day.toEpochDay() + "-";
        seed(day, prefix, rows);
        PSP.serve(day, () -> transactions(day, prefix, rows));

        System.gc();
        long heapBefore = heapUsed();
        try (AfterGcHeap peak = AfterGcHeap.watch()) {
            long started = System.nanoTime();
            ReconciliationRunner.RunOutcome outcome = runner.run(day, RunTrigger.API, AuditContext.currentOrSystem("benchmark"));
            double seconds = (System.nanoTime() - started) / 1e9;

            long faults = rows / 1000;
            assertThat(outcome.matched()).isEqualTo(rows - 2 * faults);
            ReportRun summary = runs.findById(day).orElseThrow();
            assertThat(summary.discrepancyCount()).isEqualTo(3 * faults);
            assertThat(summary.malformedCount()).isEqualTo(10);
            long liveMax = rerunMeasuringLiveHeap(day);
            return String.format("%,8d rows: %6.1f s, %,8.0f rows/s; heap before %,4d MiB, max after a GC during "
                            + "the run %,4d MiB (%d GCs), max live heap (full GCs every 250 ms) during a rerun "
                            + "%,4d MiB; %,d matched, %,d discrepancies, %d malformed",
                    rows, seconds, outcome.rowsRead() / seconds, heapBefore >> 20, peak.max() >> 20, peak.count(),
                    liveMax >> 20, outcome.matched(), summary.discrepancyCount(), summary.malformedCount());
        }
    }

    /**
     * Reruns the day (same work: a rerun replaces the report) while a sampler forces a full GC every 250 ms;
     * the heap each of those collections leaves is the live set, which is what must not grow with the file.
     */
    private long rerunMeasuringLiveHeap(LocalDate day) {
        AtomicBoolean running = new AtomicBoolean(true);
        try (AfterGcHeap live = AfterGcHeap.watch()) {
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    System.gc();
                    LockSupport.parkNanos(250_000_000L);
                }
            });
            try {
                runner.run(day, RunTrigger.API, AuditContext.currentOrSystem("benchmark"));
            } finally {
                running.set(false);
                try {
                    sampler.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return live.maxAfterForcedGc();
        }
    }

    /** Every payment of the day as the projection holds it after a clean day: success, credit, journal entry. */
    private void seed(LocalDate day, String prefix, int rows) {
        var start = day.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
        double spacing = 86_000.0 / rows;
        jdbc.sql("""
                INSERT INTO platform_payment (payment_order_id, checkout_id, seller_account, amount_minor, currency,
                                              status, psp_reference, succeeded_at)
                SELECT :p || 'po-' || i, :p || 'co-' || i, :p || 'seller-' || (i % 500), 1000 + i % 9000,
                       CASE WHEN i % 3 = 0 THEN 'EUR' ELSE 'USD' END, 'SUCCEEDED', :p || 'pi-' || i,
                       :start + make_interval(secs => i * :spacing)
                  FROM generate_series(1, :rows) i""")
                .param("p", prefix).param("start", start).param("spacing", spacing).param("rows", rows).update();
        jdbc.sql("""
                INSERT INTO wallet_movement (movement_id, kind, payment_order_id, seller_account, amount_minor, currency,
                                             balance_after_minor, source_event_id, occurred_at)
                SELECT :p || 'mv-' || payment_order_id, 'CREDIT', payment_order_id, seller_account, amount_minor,
                       currency, amount_minor, 'src-' || payment_order_id, succeeded_at + interval '1 second'
                  FROM platform_payment WHERE payment_order_id LIKE :p || 'po-%'""")
                .param("p", prefix).update();
        jdbc.sql("""
                INSERT INTO ledger_entry (journal_entry_id, kind, payment_order_id, seller_account, amount_minor, currency,
                                          source_event_id, occurred_at)
                SELECT :p || 'je-' || payment_order_id, 'PAYMENT', payment_order_id, seller_account, amount_minor, currency,
                       'src-' || payment_order_id, succeeded_at + interval '2 seconds'
                  FROM platform_payment WHERE payment_order_id LIKE :p || 'po-%'""")
                .param("p", prefix).update();
        jdbc.sql("""
                INSERT INTO ledger_line (journal_entry_id, line_no, account, side, amount_minor, currency)
                SELECT journal_entry_id, 1, 'psp_receivable', 'DEBIT', amount_minor, currency
                  FROM ledger_entry WHERE journal_entry_id LIKE :p || 'je-%'
                UNION ALL
                SELECT journal_entry_id, 2, 'seller_payable:' || seller_account, 'CREDIT', amount_minor, currency
                  FROM ledger_entry WHERE journal_entry_id LIKE :p || 'je-%'""")
                .param("p", prefix).update();
        jdbc.sql("ANALYZE").update();
    }

    /** The PSP's transactions of the seeded day, generated as they are listed; one in a thousand is wrong. */
    private static Iterator<BalanceTransactions.Txn> transactions(LocalDate day, String prefix, int rows) {
        long start = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return IntStream.rangeClosed(1, rows).boxed().<BalanceTransactions.Txn>mapMulti((i, out) -> {
            long amount = 1000 + i % 9000;
            String currency = i % 3 == 0 ? "EUR" : "USD";
            Instant createdAt = Instant.ofEpochSecond(start + (long) (i * (86_000.0 / rows)));
            if (i % 1000 == 13) {
                return; // dropped: MISSING_AT_PSP
            }
            if (i % 1000 == 7) {
                amount += 1; // AMOUNT_MISMATCH
            }
            out.accept(charge("txn_" + prefix + i, prefix + "pi-" + i, prefix + "po-" + i, amount,
                    BalanceTransactions.fee(amount), currency, createdAt));
            if (i % 1000 == 500) { // a charge of no payment of ours: MISSING_IN_PLATFORM
                out.accept(charge("txn_" + prefix + "x" + i, "pi_unknown_" + i, null, 777, 53, "USD", createdAt));
            }
            if (i % (rows / 10) == 0) { // an amount that is not minor units: malformed
                String id = "txn_" + prefix + "bad" + i;
                out.accept(new BalanceTransactions.Txn(id, "{\"id\":\"" + id + "\",\"type\":\"charge\",\"amount\":12.5}"));
            }
        }).iterator();
    }

    private static BalanceTransactions.Txn charge(String id, String paymentIntentId, String paymentOrderId,
                                                  long amount, long fee, String currency, Instant createdAt) {
        return BalanceTransactions.chargeTransaction(id, paymentIntentId, paymentOrderId, amount, fee, currency,
                createdAt);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The largest heap occupancy right after a garbage collection while it watches: the live set, near enough. */
    private static final class AfterGcHeap implements NotificationListener, AutoCloseable {
        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong maxAfterForcedGc = new AtomicLong();
        private final AtomicLong count = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        static AfterGcHeap watch() {
            AfterGcHeap watcher = new AfterGcHeap();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(watcher, null, null);
                    watcher.emitters.add(emitter);
                }
            }
            return watcher;
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                max.accumulateAndGet(used, Math::max);
                if ("System.gc()".equals(info.getGcCause())) {
                    maxAfterForcedGc.accumulateAndGet(used, Math::max);
                }
                count.incrementAndGet();
            }
        }

        long max() {
            return max.get();
        }

        long maxAfterForcedGc() {
            return maxAfterForcedGc.get();
        }

        long count() {
            return count.get();
        }

        @Override
        public void close() {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // never added
                }
            }
        }
    }
}
