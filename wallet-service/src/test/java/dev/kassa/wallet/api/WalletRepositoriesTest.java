package dev.kassa.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.movement.MovementKind;
import dev.kassa.wallet.movement.MovementRequest;
import dev.kassa.wallet.movement.WalletMovements;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

/**
 * The wallet's Spring Data JDBC reads against the real database, over what the set-based MovementWriter wrote:
 * balances by their composite key, movement pages, balances below zero.
 */
class WalletRepositoriesTest extends WalletServiceTest {

    @Autowired
    WalletMovements walletMovements;
    @Autowired
    WalletBalances balances;
    @Autowired
    Movements movements;

    @Test
    void aWalletIsItsBalancesInCurrencyOrder() {
        String seller = TestEvents.seller("repo_wallet");
        apply(seller, MovementKind.CREDIT, "USD", 2999);
        apply(seller, MovementKind.CREDIT, "EUR", 100);
        apply(seller, MovementKind.CREDIT, "USD", 1);

        List<WalletBalance> wallet = balances.findByIdAccountIdOrderByIdCurrency(seller);

        assertThat(wallet).extracting(WalletBalance::id).containsExactly(
                new WalletBalance.Key(seller, "EUR"), new WalletBalance.Key(seller, "USD"));
        assertThat(wallet).extracting(WalletBalance::balanceMinor).containsExactly(100L, 3000L);
        assertThat(wallet).allSatisfy(balance -> assertThat(balance.updatedAt()).isNotNull());
        assertThat(balances.existsByIdAccountId(seller)).isTrue();
        assertThat(balances.existsByIdAccountId(TestEvents.seller("repo_nobody"))).isFalse();
        assertThat(balances.findByIdAccountIdOrderByIdCurrency(TestEvents.seller("repo_nobody"))).isEmpty();
    }

    @Test
    void movementsArePagedNewestFirstBeforeASequenceNumber() {
        String seller = TestEvents.seller("repo_movements");
        MovementRequest first = apply(seller, MovementKind.CREDIT, "USD", 100);
        MovementRequest second = apply(seller, MovementKind.CREDIT, "USD", 200);
        MovementRequest refund = apply(seller, MovementKind.DEBIT, "USD", 50);

        List<Movement> newest = movements.findByAccountIdAndSeqLessThanOrderBySeqDesc(seller, Long.MAX_VALUE,
                Limit.of(2));
        List<Movement> older = movements.findByAccountIdAndSeqLessThanOrderBySeqDesc(seller,
                newest.getLast().seq(), Limit.of(2));

        assertThat(newest).extracting(Movement::sourceEventId)
                .containsExactly(refund.sourceEventId(), second.sourceEventId());
        assertThat(older).extracting(Movement::sourceEventId).containsExactly(first.sourceEventId());
        Movement debit = newest.getFirst();
        assertThat(debit.movementId()).isNotNull();
        assertThat(debit.kind()).isEqualTo("DEBIT");
        assertThat(debit.amountMinor()).isEqualTo(50);
        assertThat(debit.balanceAfterMinor()).isEqualTo(250);
        assertThat(debit.refundId()).isEqualTo(refund.refundId());
        assertThat(debit.accountId()).isEqualTo(seller);
        assertThat(debit.currency()).isEqualTo("USD");
        assertThat(debit.recordedAt()).isNotNull();
    }

    @Test
    void balancesBelowZeroAreListedMostNegativeFirstAndCounted() {
        String slightly = TestEvents.seller("repo_below_a");
        String deeply = TestEvents.seller("repo_below_b");
        apply(slightly, MovementKind.DEBIT, "USD", 1);
        apply(deeply, MovementKind.DEBIT, "USD", 1_000_000_000);

        List<WalletBalance> below = balances.findBelowZero(10_000);

        assertThat(below).extracting(WalletBalance::balanceMinor).isSortedAccordingTo(Long::compare)
                .allSatisfy(minor -> assertThat(minor).isNegative());
        assertThat(below).extracting(WalletBalance::accountId).containsSubsequence(deeply, slightly);
        assertThat(balances.countBelowZero()).isEqualTo(below.size());
        assertThat(balances.findBelowZero(1)).hasSize(1);
    }

    private MovementRequest apply(String seller, MovementKind kind, String currency, long amountMinor) {
        MovementRequest request = new MovementRequest(UUID.randomUUID().toString(), kind, seller, currency,
                amountMinor, TestEvents.id("po"), TestEvents.id("chk"),
                kind == MovementKind.DEBIT ? TestEvents.id("rf") : null, Instant.now());
        assertThat(walletMovements.apply(request)).isPresent();
        return request;
    }
}
