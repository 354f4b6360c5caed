package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.Checkout;
import dev.kassa.client.PaymentOrder;
import dev.kassa.client.PaymentOrderStatus;
import dev.kassa.client.Refund;
import dev.kassa.client.RefundExceedsRefundableException;
import dev.kassa.client.RefundStatus;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
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
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa",
                new Order(ids.order(), alice, "29.99", "USD"),
                new Order(ids.order(), alice, "15.50", "EUR"),
                new Order(ids.order(), bob, "1200", "JPY"));

        kassa.payments().accept(checkout);
        Checkout completed = kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(completed.paymentOrders()).hasSize(3).allSatisfy(order -> {
            assertThat(order.status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
            assertThat(order.walletUpdated()).isTrue();
            assertThat(order.ledgerUpdated()).isTrue();
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

    @Test
    void declinedCardFailsTheOrderAndMovesNoMoney(Kassa kassa) {
        Ids ids = Ids.forTest("decline");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_chargeDeclinedInsufficientFunds",
                new Order(ids.order(), seller, "42.00", "USD"));

        kassa.payments().accept(checkout);
        Checkout completed = kassa.payments().awaitCompleted(checkout.checkoutId());

        Checkout.PaymentOrderSummary order = completed.paymentOrders().getFirst();
        assertThat(order.status()).isEqualTo(PaymentOrderStatus.FAILED);
        assertThat(order.failureCode()).isEqualTo("insufficient_funds");
        assertThat(kassa.books().hasWallet(seller)).as("a wallet for %s", seller).isFalse();
        assertThat(kassa.books().ledgerEntries(checkout.order().paymentOrderId())).isEmpty();
        assertThat(kassa.psp().settlementRows(LocalDate.now(ZoneOffset.UTC)))
                .noneMatch(row -> row.contains("," + checkout.order().paymentOrderId() + ","));
    }

    @Test
    void asynchronousSuccessAndDeclineArriveByWebhook(Kassa kassa) {
        Ids ids = Ids.forTest("async");
        String seller = ids.seller("s");
        CheckoutRequest success = CheckoutRequest.of(ids.checkout(), "tok_async", new Order(ids.order(), seller, "18.00", "EUR"));
        CheckoutRequest decline = CheckoutRequest.of(ids.checkout(), "tok_asyncDeclined", new Order(ids.order(), seller, "7.00", "EUR"));

        kassa.payments().accept(success);
        kassa.payments().accept(decline);
        Checkout.PaymentOrderSummary succeeded = kassa.payments().awaitCompleted(success.checkoutId()).paymentOrders()
                .getFirst();
        Checkout.PaymentOrderSummary failed = kassa.payments().awaitCompleted(decline.checkoutId()).paymentOrders()
                .getFirst();

        assertThat(succeeded.status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
        assertThat(failed.status()).isEqualTo(PaymentOrderStatus.FAILED);
        assertThat(failed.failureCode()).isNotBlank();
        // The PSP answered "processing" at first; the outcome was applied by its signed webhook.
        assertThat(appliedWebhookTypes(kassa, success.order().paymentOrderId())).containsExactly("payment_intent.succeeded");
        assertThat(appliedWebhookTypes(kassa, decline.order().paymentOrderId())).containsExactly("payment_intent.payment_failed");
        assertThat(kassa.books().walletBalance(seller, "EUR")).isEqualTo(1800);
        assertThat(kassa.books().sellerPayable(seller, "EUR")).isEqualTo(1800);
        assertThat(kassa.books().ledgerEntries(decline.order().paymentOrderId())).isEmpty();
    }

    @Test
    void partialThenFullRefundDebitsTheWalletAndReversesTheLedger(Kassa kassa) {
        Ids ids = Ids.forTest("refund");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "30.00", "USD"));
        String orderId = checkout.order().paymentOrderId();
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());

        String partial = ids.refund();
        assertRequested(kassa.payments().refund(orderId, partial, "10.00"), partial, "10.00");
        kassa.payments().awaitOrder(orderId, "PARTIALLY_REFUNDED",
                order -> order.status() == PaymentOrderStatus.PARTIALLY_REFUNDED);
        awaitBooks(kassa, seller, "USD", 2000);
        String tooMuch = ids.refund();
        assertThatThrownBy(() -> kassa.payments().refund(orderId, tooMuch, "20.01"))
                .as("a refund above what is left")
                .isInstanceOfSatisfying(RefundExceedsRefundableException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.problem().reasonFor("amount")).contains("20.00 USD");
                });

        String rest = ids.refund();
        assertRequested(kassa.payments().refund(orderId, rest, "20.00"), rest, "20.00");
        PaymentOrder refunded = kassa.payments().awaitOrder(orderId, "REFUNDED",
                order -> order.status() == PaymentOrderStatus.REFUNDED);
        awaitBooks(kassa, seller, "USD", 0);

        assertThat(refunded.refundedAmount()).isEqualTo("30.00");
        assertThat(refunded.refunds()).extracting(r -> r.refundId() + " " + r.status())
                .containsExactlyInAnyOrder(partial + " SUCCEEDED", rest + " SUCCEEDED");
        assertThat(kassa.books().walletMovements(seller))
                .extracting(m -> m.path("kind").asString() + " " + m.path("amount_minor").asLong())
                .containsExactlyInAnyOrder("CREDIT 3000", "DEBIT 1000", "DEBIT 2000");
        assertThat(kassa.books().ledgerEntries(orderId))
                .extracting(e -> e.path("kind").asString() + " " + e.path("refund_id").asString(""))
                .containsExactlyInAnyOrder("PAYMENT ", "REFUND " + partial, "REFUND " + rest);
        assertThat(kassa.psp().settlementRows(LocalDate.now(ZoneOffset.UTC)))
                .filteredOn(row -> row.contains("," + orderId + ","))
                .extracting(row -> row.split(",")[1] + " " + row.split(",")[5])
                .containsExactlyInAnyOrder("charge 3000", "refund -1000", "refund -2000");
    }

    /** A refund payment-service took as new (its 202): requested, not yet sent to the PSP. */
    private static void assertRequested(Refund refund, String refundId, String amount) {
        assertThat(refund.refundId()).isEqualTo(refundId);
        assertThat(refund.amount()).isEqualTo(amount);
        assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED);
    }

    /** Wallet and seller_payable both show {@code expected} (each consumes payment.results on its own). */
    private static void awaitBooks(Kassa kassa, String seller, String currency, long expected) {
        await(seller + " wallet and seller_payable at " + expected).atMost(Timeouts.SETTLE).until(() ->
                kassa.books().walletBalance(seller, currency) == expected
                        && kassa.books().sellerPayable(seller, currency) == expected);
    }

    /** Types of the PSP webhooks payment-service applied to this order (its webhook dedupe table). */
    private static List<String> appliedWebhookTypes(Kassa kassa, String paymentOrderId) {
        return kassa.db().rows("payment", """
                        SELECT e.event_type FROM psp_webhook_event e
                        JOIN payment_order o ON o.psp_reference = e.object_id
                        WHERE o.payment_order_id = ? AND e.outcome = 'APPLIED'""", paymentOrderId)
                .stream().map(row -> (String) row.get("event_type")).toList();
    }
}
