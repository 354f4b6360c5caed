package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random payments and refunds in four currencies with different exponents, some disputed (and some of
 * those won), some delivered twice, some failed, all through the real broker. Afterwards the ledger must agree with a
 * tally kept here, independently of the ledger's own code: each seller_payable balance is what the seller's wallet
 * shows (payments minus refunds minus disputed amounts, and the fees the seller bears, plus what came back) per
 * currency, dispute_fees grew by the fees the platform bears, the trial balance is balanced, and every kept balance
 * equals the sum of its lines.
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
        Map<String, Long> expected = new HashMap<>(); // "<seller> <currency>" -> the seller's wallet
        Map<String, Long> platformFees = new HashMap<>(); // currency -> dispute fees the platform bears
        Map<String, Long> feesBefore = new HashMap<>();
        CURRENCIES.forEach(currency -> feesBefore.put(currency, disputeFees(currency)));
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
                PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, amount, currency);
                send(producer, random, order, payment);
                expected.merge(seller + " " + currency, amount, Long::sum);
                expectedEntries++;
                if (random.nextInt(10) == 0) { // disputed: no refunds then (payment-service takes none)
                    expectedEntries += dispute(producer, random, payment, expected, platformFees);
                    continue;
                }
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
        for (String currency : CURRENCIES) {
            assertThat(disputeFees(currency)).as("seed %d: dispute_fees %s", seed, currency)
                    .isEqualTo(feesBefore.get(currency) + platformFees.getOrDefault(currency, 0L));
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

    /**
     * Withdraws a random part of the payment with a random fee and bearer, re-published with a new event id now and
     * then; wins half of the disputes back, with the fee or without it. Tallies the seller's wallet and the platform's
     * fees as docs/architecture.md §15 says wallet-service and the ledger must.
     *
     * @return the entries the dispute posts
     */
    private static int dispute(EventProducer producer, Random random, PaymentOrderSucceeded payment,
            Map<String, Long> wallets, Map<String, Long> platformFees) {
        String wallet = payment.getSellerAccount() + " " + payment.getCurrency();
        long amount = 1 + (long) (random.nextDouble() * payment.getAmountMinor());
        long fee = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2_000);
        DisputeFeeBearer bearer = random.nextBoolean() ? DisputeFeeBearer.PLATFORM : DisputeFeeBearer.SELLER;
        DisputeFundsWithdrawn withdrawn = DisputeFundsWithdrawn.newBuilder(
                TestEvents.disputeFundsWithdrawn(payment, fee, bearer)).setAmountMinor(amount).build();
        send(producer, random, payment.getPaymentOrderId(), withdrawn);
        if (random.nextInt(10) == 0) {
            send(producer, random, payment.getPaymentOrderId(), DisputeFundsWithdrawn.newBuilder(withdrawn)
                    .setEventId(UUID.randomUUID().toString()).build());
        }
        long sellerFee = bearer == DisputeFeeBearer.SELLER ? fee : 0;
        wallets.merge(wallet, -amount - sellerFee, Long::sum);
        platformFees.merge(payment.getCurrency(), fee - sellerFee, Long::sum);
        if (random.nextBoolean()) {
            return 1;
        }
        long feeBack = random.nextBoolean() ? fee : 0;
        send(producer, random, payment.getPaymentOrderId(), TestEvents.disputeFundsReinstated(withdrawn, feeBack));
        long sellerFeeBack = bearer == DisputeFeeBearer.SELLER ? feeBack : 0;
        wallets.merge(wallet, amount + sellerFeeBack, Long::sum);
        platformFees.merge(payment.getCurrency(), -(feeBack - sellerFeeBack), Long::sum);
        return 2;
    }

    private long disputeFees(String currency) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(debits_minor - credits_minor), 0) FROM account_balance
                WHERE account_id = 'dispute_fees' AND currency = ?""", Long.class, currency);
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
