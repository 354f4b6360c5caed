package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random payments and refunds in four currencies with different exponents, some delivered
 * twice, some failed, all through the real broker. Afterwards the ledger must agree with a tally kept here,
 * independently of the ledger's own code: each seller_payable balance is that seller's payments minus
 * refunds per currency, the trial balance is balanced, and every kept balance equals the sum of its lines.
 */
class RandomPaymentsAndRefundsTest extends LedgerIntegrationTest {

    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "KWD");
    private static final int PAYMENTS = 2_000;
    private static final int SELLERS = 12;

    /** The broker as its super user: these tests play the services that publish what the ledger consumes. */
    final Map<String, Object> superUser = LocalStack.shared().kafka().superUserClientProperties();

    @Test
    void theLedgerAgreesWithAnIndependentTally() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String run = TestEvents.id("rnd");
        List<String> sellers = java.util.stream.IntStream.range(0, SELLERS).mapToObj(i -> run + "_s" + i).toList();
        Map<String, Long> expected = new HashMap<>(); // "<seller> <currency>" -> payments minus refunds
        int expectedEntries = 0;

        try (EventProducer producer = new EventProducer(superUser)) {
            for (int i = 0; i < PAYMENTS; i++) {
                String order = run + "_po" + i;
                String seller = sellers.get(random.nextInt(SELLERS));
                String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
                long amount = 1 + random.nextInt(1_000_000);
                if (random.nextInt(10) == 0) {
                    send(producer, random, order, TestEvents.paymentFailed(order, seller, amount, currency));
                    continue;
                }
                send(producer, random, order, TestEvents.paymentSucceeded(order, seller, amount, currency));
                expected.merge(seller + " " + currency, amount, Long::sum);
                expectedEntries++;
                long refundable = amount;
                int refunds = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                for (int r = 0; r < refunds && refundable > 0; r++) {
                    long refund = 1 + (long) (random.nextDouble() * refundable);
                    String refundId = "rf_" + r;
                    if (random.nextInt(8) == 0) {
                        send(producer, random, order,
                                TestEvents.refundFailed(order, refundId + "_failed", seller, refund, currency));
                    }
                    send(producer, random, order, TestEvents.refundSucceeded(order, refundId, seller, refund, currency));
                    expected.merge(seller + " " + currency, -refund, Long::sum);
                    refundable -= refund;
                    expectedEntries++;
                }
            }
            producer.flush();
        }

        int entries = expectedEntries;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM journal_entry WHERE payment_order_id LIKE ?", Long.class, run + "\\_%"),
                n -> n == entries);

        for (String seller : sellers) {
            for (String currency : CURRENCIES) {
                long want = expected.getOrDefault(seller + " " + currency, 0L);
                assertThat(balanceFromApi(seller, currency)).as("seed %d: %s %s", seed, seller, currency).isEqualTo(want);
            }
        }
        Map<String, Object> trialBalance = http().get().uri("/api/v1/ledger/trial-balance").retrieve().body(JSON);
        assertThat(trialBalance).as("seed %d", seed).containsEntry("balanced", true);
        assertThat(jdbc.queryForList("""
                SELECT b.account_id || ' ' || b.currency FROM account_balance b
                FULL JOIN (SELECT account_id, currency,
                                  sum(amount_minor) FILTER (WHERE side = 'DEBIT') AS debits,
                                  sum(amount_minor) FILTER (WHERE side = 'CREDIT') AS credits
                           FROM journal_line GROUP BY account_id, currency) l
                  ON l.account_id = b.account_id AND l.currency = b.currency
                WHERE b.debits_minor IS DISTINCT FROM coalesce(l.debits, 0)
                   OR b.credits_minor IS DISTINCT FROM coalesce(l.credits, 0)""", String.class))
                .as("kept balances that differ from the sum of their lines").isEmpty();
    }

    /** Sends the record, and about one in twenty a second time (an at-least-once redelivery). */
    private static void send(EventProducer producer, Random random, String key, SpecificRecord record) {
        producer.sendAsync(key, record);
        if (random.nextInt(20) == 0) {
            producer.sendAsync(key, record);
        }
    }

    private long balanceFromApi(String seller, String currency) {
        Map<String, Object> account = http().get()
                .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/ledger/accounts/seller_payable:" + seller))
                .retrieve().body(JSON);
        if (account.get("balances") == null) {
            return 0;
        }
        return ((List<Map<String, Object>>) account.get("balances")).stream()
                .filter(b -> b.get("currency").equals(currency))
                .mapToLong(b -> ((Number) b.get("balance_minor")).longValue())
                .findFirst().orElse(0);
    }
}
