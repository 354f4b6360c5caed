package dev.kassa.reconciliation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.EventConsumerRegistrar;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.schemas.ConsumerGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What the projection costs per event: a backlog of payments (success, wallet credit, journal entry each) is
 * published while the main-topic consumer of the three topics is stopped, then it is started and the benchmark
 * prints events/s, and per event the transactions that wrote the projection and the PostgreSQL CPU (the test JVM's
 * server serves nothing else meanwhile). Not part of {@code verify}:
 * {@code ./mvnw -B -pl reconciliation-service verify -Dtest=ProjectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dkassa.benchmark.payments=5000} by default).
 */
class ProjectionBenchmark extends ReconciliationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    List<EventConsumer> consumers;

    @Autowired
    EventConsumerRegistrar registrar;

    @Test
    void projectABacklog() {
        int payments = Integer.getInteger("kassa.benchmark.payments", 5000);
        String seller = seller();
        Instant at = Instant.parse("2025-08-01T10:00:00Z");
        List<SpecificRecord> records = Stream.generate(() -> TestPayment.of(seller, 1_000, "EUR", at)).limit(payments)
                .flatMap(p -> Stream.<SpecificRecord>of(p.succeeded(), p.credited(), p.recorded())).toList();

        List<MessageListenerContainer> containers = consumers.stream()
                .map(registrar::listenerIdOf).distinct().map(listeners::getListenerContainer).toList();
        containers.forEach(MessageListenerContainer::stop);
        try {
            for (int i = 0; i < records.size(); i += 5_000) {
                events().sendAll(records.subList(i, Math.min(records.size(), i + 5_000)).toArray(SpecificRecord[]::new));
            }
        } catch (RuntimeException e) {
            containers.forEach(MessageListenerContainer::start);
            throw e;
        }
        long handledBefore = handled();
        Duration postgresBefore = postgresCpu();
        long started = System.nanoTime();
        containers.forEach(MessageListenerContainer::start);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> handled() - handledBefore >= records.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        Duration postgres = postgresCpu().minus(postgresBefore);
        long transactions = transactionsThatWrote(seller);
        int events = records.size();
        System.out.println();
        System.out.printf(Locale.ROOT, "=== projection benchmark: %,d events (%,d payments x success, credit, entry) ===%n",
                events, payments);
        System.out.printf(Locale.ROOT, "  %.1f s, %,.0f events/s (from consumer start, incl. partition assignment)%n",
                seconds, events / seconds);
        System.out.printf(Locale.ROOT, "  transactions that wrote the projection: %,d = %.3f per event%n",
                transactions, (double) transactions / events);
        System.out.printf(Locale.ROOT, "  PostgreSQL CPU: %,d ms = %.0f us per event%n",
                postgres.toMillis(), postgres.toNanos() / 1e3 / events);
        System.out.println();
        assertThat(transactions).isPositive();
    }

    private long handled() {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer = :consumer")
                .param("consumer", ConsumerGroups.RECONCILIATION_SERVICE).query(Long.class).single();
    }

    /** Counted by the rows' xmin (the inserting transaction), so background transactions do not count. */
    private long transactionsThatWrote(String seller) {
        return jdbc.sql("""
                        SELECT count(DISTINCT tx) FROM (
                            SELECT xmin::text AS tx FROM platform_payment WHERE seller_account = :seller
                            UNION ALL SELECT xmin::text FROM wallet_movement WHERE seller_account = :seller
                            UNION ALL SELECT xmin::text FROM ledger_entry WHERE seller_account = :seller) rows""")
                .param("seller", seller).query(Long.class).single();
    }

    /** The CPU of the PostgreSQL server of this JVM's local stack (postmaster and every backend). */
    private static Duration postgresCpu() {
        String dataDir = LocalStack.shared().postgres().dataDir().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
