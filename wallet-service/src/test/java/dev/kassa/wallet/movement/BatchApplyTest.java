package dev.kassa.wallet.movement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch applied with one statement leaves exactly what applying its movements one by one in order would:
 * the same balances, and each movement's balance_after the running balance of its (account, currency).
 */
class BatchApplyTest extends WalletServiceTest {

    @Autowired
    WalletMovements movements;

    @Test
    void aMixedBatchLeavesTheBalancesAndBalanceChainsOfOneByOneApplication() {
        List<String> sellers = List.of(TestEvents.seller("batch_a"), TestEvents.seller("batch_b"),
                TestEvents.seller("batch_c"));
        MovementRequest earlier = credit(sellers.getFirst(), "EUR", 5_000);
        movements.apply(earlier);
        Map<String, Long> running = new HashMap<>(Map.of(sellers.getFirst() + "/EUR", 5_000L));

        List<MovementRequest> batch = new ArrayList<>();
        batch.add(earlier); // already applied: skipped, moves nothing
        for (int i = 0; i < 300; i++) {
            String seller = sellers.get(ThreadLocalRandom.current().nextInt(sellers.size()));
            String currency = i % 3 == 0 ? "JPY" : "EUR";
            long amount = ThreadLocalRandom.current().nextLong(1, 10_000);
            batch.add(i % 7 == 6 ? debit(seller, currency, amount) : credit(seller, currency, amount));
        }

        List<AppliedMovement> applied = movements.applyAll(batch);

        assertThat(applied).hasSize(300);
        for (AppliedMovement movement : applied) {
            MovementRequest request = movement.request();
            long balance = running.merge(request.accountId() + "/" + request.currency(),
                    request.signedAmountMinor(), Long::sum);
            assertThat(movement.balanceAfterMinor()).as("balance after %s", request.sourceEventId())
                    .isEqualTo(balance);
        }
        running.forEach((key, balance) -> {
            String[] accountAndCurrency = key.split("/");
            assertThat(balanceMinor(accountAndCurrency[0], accountAndCurrency[1])).as(key).isEqualTo(balance);
        });
        assertThat(movementCountForSourceEvent(earlier.sourceEventId())).isEqualTo(1);
        for (String seller : sellers) {
            for (String currency : List.of("EUR", "JPY")) {
                assertChainInSeqOrder(seller, currency);
            }
        }
    }

    @Test
    void aDisputeDebitAndItsRepublishedCopyInOneBatchMoveTheMoneyOnce() {
        String seller = TestEvents.seller("batch_dispute");
        MovementRequest payment = credit(seller, "USD", 1_000);
        String disputeId = TestEvents.id("du");
        MovementRequest withdrawn = dispute(payment, MovementKind.DEBIT, disputeId);
        MovementRequest republished = dispute(payment, MovementKind.DEBIT, disputeId);
        MovementRequest reinstated = dispute(payment, MovementKind.CREDIT, disputeId);

        List<AppliedMovement> applied = movements.applyAll(List.of(payment, withdrawn, republished, reinstated));

        assertThat(applied).extracting(m -> m.request().sourceEventId())
                .containsExactly(payment.sourceEventId(), withdrawn.sourceEventId(), reinstated.sourceEventId());
        assertThat(applied).extracting(AppliedMovement::balanceAfterMinor).containsExactly(1_000L, -500L, 1_000L);
        assertThat(balanceMinor(seller, "USD")).isEqualTo(1_000);
        assertThat(movementCountForSourceEvent(republished.sourceEventId())).isZero();
        assertThat(movements.applyAll(List.of(republished))).as("and in a later batch").isEmpty();
        assertChainInSeqOrder(seller, "USD");
    }

    /** In seq order, each movement's balance_after is the previous one plus its signed amount. */
    private void assertChainInSeqOrder(String seller, String currency) {
        List<long[]> rows = jdbc.sql("""
                        SELECT CASE kind WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END, balance_after_minor
                          FROM wallet_movement WHERE account_id = ? AND currency = ? ORDER BY seq""")
                .params(seller, currency)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        long balance = 0;
        for (long[] row : rows) {
            balance += row[0];
            assertThat(row[1]).isEqualTo(balance);
        }
    }

    private static MovementRequest credit(String seller, String currency, long amount) {
        return new MovementRequest(UUID.randomUUID().toString(), MovementKind.CREDIT, seller, currency, amount,
                TestEvents.id("po"), TestEvents.id("chk"), null, Instant.now());
    }

    private static MovementRequest dispute(MovementRequest payment, MovementKind kind, String disputeId) {
        return new MovementRequest(UUID.randomUUID().toString(), kind, payment.accountId(), payment.currency(), 1_500,
                payment.paymentOrderId(), payment.checkoutId(), null, Instant.now(), null, disputeId);
    }

    private static MovementRequest debit(String seller, String currency, long amount) {
        return new MovementRequest(UUID.randomUUID().toString(), MovementKind.DEBIT, seller, currency, amount,
                TestEvents.id("po"), TestEvents.id("chk"), TestEvents.id("re"), Instant.now());
    }
}
