package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A checkout id is its idempotency key: resubmissions, however many and however concurrent, charge once. */
@SystemTest
class DuplicateCheckoutTest {

    @Test
    void resubmittedCheckoutAnswersTheExistingOneAndChargesOnce(Kassa kassa) {
        Ids ids = Ids.forTest("dup");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "25.00", "USD"));

        assertThat(kassa.payments().submit(checkout).status()).isEqualTo(202);
        KassaClient.Response again = kassa.payments().submit(checkout);
        CheckoutRequest changed = CheckoutRequest.of(checkout.checkoutId(), "tok_visa",
                new Order(checkout.order().paymentOrderId(), seller, "26.00", "USD"));
        KassaClient.Response conflicting = kassa.payments().submit(changed);
        kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("checkout_id").asString()).isEqualTo(checkout.checkoutId());
        assertThat(conflicting.status()).as("the same checkout id with another amount").isEqualTo(409);
        assertChargedOnce(kassa, checkout, 2500);
    }

    @Test
    void fiftyConcurrentIdenticalCheckoutsMakeOneCheckoutAndOneCharge(Kassa kassa) throws Exception {
        Ids ids = Ids.forTest("burst");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), ids.seller("s"), "77.70", "EUR"));
        int clients = 50;

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return kassa.payments().submit(checkout).status();
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }
        kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(clients - 1);
        assertThat(kassa.db().count("payment", "SELECT count(*) FROM checkout WHERE checkout_id = ?", checkout.checkoutId()))
                .isEqualTo(1);
        assertThat(kassa.db().rows("payment", "SELECT attempt FROM payment_order WHERE checkout_id = ?", checkout.checkoutId()))
                .singleElement().satisfies(order -> assertThat(order.get("attempt")).isEqualTo(1));
        assertChargedOnce(kassa, checkout, 7770);
    }

    /** One charge in the PSP's settlement file, one wallet credit, one ledger entry. */
    private static void assertChargedOnce(Kassa kassa, CheckoutRequest checkout, long amountMinor) {
        Order order = checkout.order();
        assertThat(kassa.psp().settlementRows(LocalDate.now(ZoneOffset.UTC)))
                .filteredOn(row -> row.contains("," + order.paymentOrderId() + ","))
                .extracting(row -> row.split(",")[1] + " " + row.split(",")[5])
                .containsExactly("charge " + amountMinor);
        assertThat(kassa.books().walletMovements(order.seller()))
                .extracting(m -> m.path("kind").asString() + " " + m.path("amount_minor").asLong())
                .containsExactly("CREDIT " + amountMinor);
        assertThat(kassa.books().ledgerEntries(order.paymentOrderId())).hasSize(1);
    }
}
