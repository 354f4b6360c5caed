package dev.kassa.payment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStack;
import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.testfixtures.EventProducer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * How fast payment-service applies wallet and ledger confirmations, and how often its sessions wait for a
 * row lock meanwhile. Not part of {@code verify}:
 *
 * <pre>
 * ./mvnw -B -q -pl payment-service verify -Dtest=ConfirmationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * cat payment-service/target/confirmation-benchmark.txt
 * </pre>
 *
 * N succeeded one-order checkouts are written straight into the database (the PSP path is not measured
 * here); then, for each order, a {@code WalletCredited} and a {@code LedgerTransactionRecorded} are published
 * side by side, as wallet-service and ledger-service publish them for the same payment result. Measured:
 * time until every checkout is COMPLETED, how many transactions applied the confirmations (distinct
 * {@code xmin} of their inbox rows), and the share of 5 ms samples of {@code pg_stat_activity} in which a
 * session of the service's database waited for a lock.
 * Option: {@code confirmation.benchmark.orders} (2000).
 */
class ConfirmationBenchmark extends PaymentServiceTestBase {

    private static final int ORDERS = Integer.getInteger("confirmation.benchmark.orders", 2000);
    private static final Path REPORT = Path.of("target", "confirmation-benchmark.txt");

    @Test
    void walletAndLedgerConfirmationsOfTheSameOrders() {
        String run = id("cbench");
        jdbc.sql("""
                INSERT INTO checkout (checkout_id, request_hash, buyer_user_id, buyer_email, payment_method_token)
                SELECT ? || '_chk_' || i, repeat('0', 64), 'u_1', 'buyer@example.com', 'tok_visa'
                  FROM generate_series(1, ?) AS i""").params(run, ORDERS).update();
        jdbc.sql("""
                INSERT INTO payment_order (payment_order_id, checkout_id, position, seller_account, amount_minor,
                                           currency, status, psp_reference)
                SELECT ? || '_po_' || i, ? || '_chk_' || i, 0, 'seller_1', 1000, 'EUR', 'SUCCEEDED', 'pi_' || i
                  FROM generate_series(1, ?) AS i""").params(run, run, ORDERS).update();

        List<String> eventIds = new ArrayList<>(2 * ORDERS);
        LockSampler sampler = new LockSampler();
        long started = System.nanoTime();
        try (EventProducer producer = new EventProducer(LocalStack.shared().kafka().superUserClientProperties())) {
            for (int i = 1; i <= ORDERS; i++) {
                String order = run + "_po_" + i;
                String checkout = run + "_chk_" + i;
                WalletCredited credited = ConfirmationTest.walletCredited(checkout, order, "seller_1", 1000);
                LedgerTransactionRecorded recorded = ConfirmationTest.ledgerRecorded(checkout, order, "seller_1", 1000);
                eventIds.add(credited.getEventId());
                eventIds.add(recorded.getEventId());
                producer.sendAsync(Topics.WALLET_EVENTS, order, credited);
                producer.sendAsync(Topics.LEDGER_EVENTS, order, recorded);
            }
            producer.flush();
        }
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.sql("SELECT count(*) FROM checkout WHERE checkout_id LIKE ? AND status = 'COMPLETED'")
                        .param(run + "_chk_%").query(Long.class).single() == ORDERS);
        long completed = System.nanoTime();
        sampler.stop();
        // Each confirmation's inbox row was written by the transaction that applied it.
        long transactions = jdbc.sql("SELECT count(DISTINCT xmin::text) FROM processed_message WHERE event_id = ANY (?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single();

        double seconds = (completed - started) / 1e9;
        List<String> lines = List.of(
                "confirmation benchmark: %d one-order checkouts, a wallet and a ledger confirmation each".formatted(ORDERS),
                "every checkout COMPLETED after %.1f s: %.0f confirmations/s".formatted(seconds, 2 * ORDERS / seconds),
                "transactions that applied them: %d (%.1f confirmations each)".formatted(transactions,
                        2.0 * ORDERS / transactions),
                "samples with a session waiting for a lock: %d of %d (%.1f%%)".formatted(sampler.waiting.get(),
                        sampler.samples.get(), 100.0 * sampler.waiting.get() / Math.max(1, sampler.samples.get())));
        lines.forEach(System.out::println);
        try {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.write(REPORT, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM payment_order WHERE payment_order_id LIKE ? AND wallet_updated AND ledger_updated")
                .param(run + "_po_%").query(Long.class).single()).isEqualTo(ORDERS);
    }

    /** Samples the database's sessions every 5 ms on its own thread. */
    private final class LockSampler {

        final AtomicLong samples = new AtomicLong();
        final AtomicLong waiting = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        LockSampler() {
            timer.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            long waiters = jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")
                    .query(Long.class).single();
            samples.incrementAndGet();
            if (waiters > 0) {
                waiting.incrementAndGet();
            }
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
