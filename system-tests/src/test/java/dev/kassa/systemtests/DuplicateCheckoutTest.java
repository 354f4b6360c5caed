package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kassa.client.Checkout;
import dev.kassa.client.ConflictException;
import dev.kassa.client.ExchangeListener;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.Payments;
import dev.kassa.systemtests.support.SystemTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A checkout id is its idempotency key: resubmissions, however many and however concurrent, charge once. kassa-client
 * answers a new checkout (202) and a resubmission (200) alike, so the statuses are read from its exchanges.
 */
@SystemTest
class DuplicateCheckoutTest {

    @Test
    void resubmittedCheckoutAnswersTheExistingOneAndChargesOnce(Kassa kassa) {
        Ids ids = Ids.forTest("dup");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "25.00", "USD"));

        Statuses statuses = new Statuses();
        Payments payments = kassa.payments().observedBy(statuses);

        Checkout created = payments.submit(checkout);
        Checkout again = payments.submit(checkout);
        CheckoutRequest changed = CheckoutRequest.of(checkout.checkoutId(), "tok_visa",
                new Order(checkout.order().paymentOrderId(), seller, "26.00", "USD"));
        ConflictException conflicting = catchThrowableOfType(ConflictException.class, () -> payments.submit(changed));
        kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(statuses.all()).as("new, resubmitted, conflicting").containsExactly(202, 200, 409);
        assertThat(created.checkoutId()).isEqualTo(checkout.checkoutId());
        assertThat(again.checkoutId()).isEqualTo(checkout.checkoutId());
        assertThat(again.paymentOrders()).extracting(Checkout.PaymentOrderSummary::paymentOrderId)
                .containsExactly(checkout.order().paymentOrderId());
        assertThat(conflicting).as("the same checkout id with another amount").isNotNull();
        assertThat(conflicting.problem().reasonFor("checkout_id")).as("the field in conflict").isNotBlank();
        assertChargedOnce(kassa, checkout, 2500);
    }

    @Test
    void fiftyConcurrentIdenticalCheckoutsMakeOneCheckoutAndOneCharge(Kassa kassa) throws Exception {
        Ids ids = Ids.forTest("burst");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), ids.seller("s"), "77.70", "EUR"));
        int clients = 50;

        Statuses statuses = new Statuses();
        Payments payments = kassa.payments().observedBy(statuses);
        List<Checkout> answered = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Checkout>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return payments.submit(checkout);
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Checkout> answer : answers) {
                answered.add(answer.get());
            }
        }
        kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(answered).hasSize(clients).allSatisfy(answer ->
                assertThat(answer.checkoutId()).isEqualTo(checkout.checkoutId()));
        assertThat(statuses.all()).as("one answer per request, none repeated").hasSize(clients);
        assertThat(statuses.all()).filteredOn(status -> status == 202).hasSize(1);
        assertThat(statuses.all()).filteredOn(status -> status == 200).hasSize(clients - 1);
        assertThat(kassa.db().count("payment", "SELECT count(*) FROM checkout WHERE checkout_id = ?", checkout.checkoutId()))
                .isEqualTo(1);
        assertThat(kassa.db().rows("payment", "SELECT attempt FROM payment_order WHERE checkout_id = ?", checkout.checkoutId()))
                .singleElement().satisfies(order -> assertThat(order.get("attempt")).isEqualTo(1));
        assertChargedOnce(kassa, checkout, 7770);
    }

    /** The status of every answer the client got (each attempt), in the order they came. */
    private static final class Statuses implements ExchangeListener {

        private final List<Integer> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void exchanged(HttpRequest request, byte[] requestBody, HttpResponse<byte[]> response) {
            statuses.add(response.statusCode());
        }

        List<Integer> all() {
            return List.copyOf(statuses);
        }
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
