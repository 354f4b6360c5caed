package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.systemtests.support.Checkout;
import dev.kassa.systemtests.support.Checkout.Order;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One payment's life through all five services: success, declines, asynchronous outcomes, refunds. */
@SystemTest
class PaymentFlowTest {

    @Test
    void happyPathCompletesWithWalletLedgerAndReconciliationAgreeing(Kassa kassa) {
        Ids ids = Ids.forTest("happy");
        String alice = ids.seller("alice");
        String bob = ids.seller("bob");
        Checkout checkout = Checkout.of(ids.checkout(), "tok_visa",
                new Order(ids.order(), alice, "29.99", "USD"),
                new Order(ids.order(), alice, "15.50", "EUR"),
                new Order(ids.order(), bob, "1200", "JPY"));

        kassa.payments().accept(checkout);
        JsonNode completed = kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(completed.path("payment_orders")).hasSize(3).allSatisfy(order -> {
            assertThat(order.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(order.path("wallet_updated").asBoolean()).isTrue();
            assertThat(order.path("ledger_updated").asBoolean()).isTrue();
        });
        assertThat(kassa.books().walletBalance(alice, "USD")).isEqualTo(2999).isEqualTo(kassa.books().sellerPayable(alice, "USD"));
        assertThat(kassa.books().walletBalance(alice, "EUR")).isEqualTo(1550).isEqualTo(kassa.books().sellerPayable(alice, "EUR"));
        assertThat(kassa.books().walletBalance(bob, "JPY")).isEqualTo(1200).isEqualTo(kassa.books().sellerPayable(bob, "JPY"));
        for (Order order : checkout.orders()) {
            List<JsonNode> entries = kassa.books().ledgerEntries(order.paymentOrderId());
            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.path("kind").asString()).isEqualTo("PAYMENT");
                assertThat(entry.path("lines")).extracting(line -> line.path("account_id").asString() + " "
                                + line.path("side").asString() + " " + line.path("amount").asString() + " " + line.path("currency").asString())
                        .containsExactlyInAnyOrder("psp_receivable DEBIT " + order.amount() + " " + order.currency(),
                                "seller_payable:" + order.seller() + " CREDIT " + order.amount() + " " + order.currency());
            });
        }

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> settlement = kassa.psp().settlementRows(today);
        for (Order order : checkout.orders()) {
            assertThat(settlement).filteredOn(row -> row.contains("," + order.paymentOrderId() + ","))
                    .as("the PSP's settlement rows of %s", order.paymentOrderId()).singleElement()
                    .satisfies(row -> assertThat(row).startsWith("txn_").contains(",charge,"));
        }
        // The reconciliation projection consumes the same events a moment after payment-service: a rerun of
        // the day replaces its report, so wait for a clean one.
        JsonNode report = await("a clean reconciliation of " + today).atMost(Timeouts.SETTLE)
                .until(() -> kassa.books().reconcile(today),
                        r -> "COMPLETED".equals(r.path("status").asString()) && r.path("discrepancy_count").asLong(-1) == 0);
        assertThat(report.path("matched_count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(report.path("totals")).extracting(t -> t.path("currency").asString())
                .contains("USD", "EUR", "JPY");
        assertThat(report.path("totals")).allSatisfy(total ->
                assertThat(total.path("psp_gross_minor").asLong()).isEqualTo(total.path("expected_gross_minor").asLong()));
    }
}
