package dev.kassa.wallet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.movement.MovementKind;
import dev.kassa.wallet.movement.MovementRequest;
import dev.kassa.wallet.movement.WalletMovements;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Thousands of concurrent credits to one hot seller sum exactly: no lost update. */
class ConcurrentCreditsTest extends WalletServiceTest {

    private static final int KAFKA_CREDITS = 3000;
    private static final int THREADS = 16;
    private static final int CREDITS_PER_THREAD = 150;

    @Autowired
    WalletMovements movements;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void creditsFromEveryPartitionAndConsumerThreadSumExactly() {
        MessageListenerContainer main = listeners.getListenerContainer("kassa.wallet-service.payment.results");
        assertThat(main).isNotNull();
        assertThat(main.getContainerProperties().getTopics()).containsExactly("payment.results");

        String seller = TestEvents.seller("hot_kafka");
        List<PaymentOrderSucceeded> credits = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < KAFKA_CREDITS; i++) {
            long amount = ThreadLocalRandom.current().nextLong(1, 100_000);
            expected += amount;
            // Distinct payment order ids spread the credits over every partition of payment.results.
            credits.add(TestEvents.paymentSucceeded(seller, amount, "USD"));
        }
        producer.sendAll(credits);

        await().atMost(Duration.ofSeconds(90)).until(() -> movementCount(seller) == KAFKA_CREDITS);
        assertThat(balanceMinor(seller, "USD")).isEqualTo(expected);
        assertBalanceChainIsGapless(seller, "USD");
        // The work really was spread: several partitions and several consumer threads applied credits.
        assertThat(main.getAssignedPartitions()).hasSizeGreaterThan(1);
        assertThat(main.getAssignmentsByClientId()).hasSizeGreaterThan(1);
    }

    @Test
    void manyThreadsApplyingCreditsDirectlySumExactly() throws Exception {
        String seller = TestEvents.seller("hot_direct");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> sums = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                sums.add(pool.submit(() -> {
                    start.await();
                    long sum = 0;
                    for (int i = 0; i < CREDITS_PER_THREAD; i++) {
                        long amount = ThreadLocalRandom.current().nextLong(1, 10_000);
                        movements.apply(new MovementRequest(UUID.randomUUID().toString(), MovementKind.CREDIT,
                                seller, "EUR", amount, TestEvents.id("po"), TestEvents.id("chk"), null,
                                Instant.now()));
                        sum += amount;
                    }
                    return sum;
                }));
            }
            start.countDown();
        }
        long expected = 0;
        for (Future<Long> sum : sums) {
            expected += sum.get();
        }

        assertThat(movementCount(seller)).isEqualTo((long) THREADS * CREDITS_PER_THREAD);
        assertThat(balanceMinor(seller, "EUR")).isEqualTo(expected);
        assertBalanceChainIsGapless(seller, "EUR");
    }

    /**
     * In movement order, each balance_after is the previous one plus this amount: no two movements started
     * from the same old balance, and none was left out.
     */
    private void assertBalanceChainIsGapless(String seller, String currency) {
        List<long[]> rows = jdbc.sql("""
                        SELECT amount_minor, balance_after_minor FROM wallet_movement
                         WHERE account_id = ? AND currency = ? ORDER BY seq""")
                .params(seller, currency)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        long balance = 0;
        Set<Long> balancesAfter = new HashSet<>();
        for (long[] row : rows) {
            balance += row[0];
            assertThat(row[1]).isEqualTo(balance);
            balancesAfter.add(row[1]);
        }
        assertThat(balancesAfter).hasSize(rows.size());
    }
}
