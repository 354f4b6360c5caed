package dev.kassa.payment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.TestEvents;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * wallet.events and ledger.events, published as wallet-service and ledger-service do: the flags are set
 * once, and the checkout completes only when every succeeded order is in both.
 */
class ConfirmationTest extends PaymentServiceTestBase {

    @Test
    void theCheckoutCompletesWhenEverySucceededOrderIsInWalletAndLedger() {
        String checkoutId = id("chk");
        String first = id("po");
        String second = id("po");
        api.postJson("/api/v1/payments", """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com"},
                 "credit_card_info": {"token": "tok_mastercard", "last4": "4444"},
                 "payment_orders": [
                   {"payment_order_id": "%s", "seller_account": "seller_a", "amount": "10.00", "currency": "EUR"},
                   {"payment_order_id": "%s", "seller_account": "seller_b", "amount": "5.25", "currency": "EUR"}]}
                """.formatted(checkoutId, first, second));
        eventually().until(() -> orderStatus(first).equals("SUCCEEDED") && orderStatus(second).equals("SUCCEEDED"));

        WalletCredited credit = walletCredited(checkoutId, first, "seller_a", 1000);
        TestEvents.publish(Topics.WALLET_EVENTS, first, credit);
        TestEvents.publish(Topics.WALLET_EVENTS, first, credit); // redelivered: skipped by the inbox
        TestEvents.publish(Topics.WALLET_EVENTS, first, walletCredited(checkoutId, first, "seller_a", 1000)); // other id
        TestEvents.publish(Topics.LEDGER_EVENTS, first, ledgerRecorded(checkoutId, first, "seller_a", 1000));
        TestEvents.publish(Topics.LEDGER_EVENTS, second, ledgerRecorded(checkoutId, second, "seller_b", 525));

        eventually().until(() -> flags(second).equals("false/true") && flags(first).equals("true/true"));
        // One confirmation is still missing: the checkout waits for it.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> checkoutStatus(checkoutId).equals("PROCESSING"));

        TestEvents.publish(Topics.WALLET_EVENTS, second, walletCredited(checkoutId, second, "seller_b", 525));

        eventually().until(() -> checkoutStatus(checkoutId).equals("COMPLETED"));
        JsonNode checkout = api.get("/api/v1/payments/" + checkoutId).json();
        for (JsonNode order : checkout.path("payment_orders")) {
            assertThat(order.path("wallet_updated").asBoolean()).isTrue();
            assertThat(order.path("ledger_updated").asBoolean()).isTrue();
        }
    }

    @Test
    void aConfirmationForAnOrderThatIsNotOursIsAcknowledged() {
        String orderId = id("po_foreign");

        TestEvents.publish(Topics.WALLET_EVENTS, orderId, walletCredited(id("chk"), orderId, "seller_x", 100));
        // The consumer moves on: a later confirmation of a real order is still processed.
        String checkoutId = id("chk");
        String real = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, real, "1.00", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(real).equals("SUCCEEDED"));
        TestEvents.publish(Topics.WALLET_EVENTS, real, walletCredited(checkoutId, real, "seller_1", 100));

        eventually().until(() -> flags(real).startsWith("true/"));
    }

    private String flags(String orderId) {
        return jdbc.sql("SELECT wallet_updated || '/' || ledger_updated FROM payment_order WHERE payment_order_id = ?")
                .param(orderId).query(String.class).single();
    }

    private String checkoutStatus(String checkoutId) {
        return jdbc.sql("SELECT status FROM checkout WHERE checkout_id = ?").param(checkoutId).query(String.class).single();
    }

    static WalletCredited walletCredited(String checkoutId, String orderId, String seller, long amount) {
        return WalletCredited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amount).setCurrency("EUR").setMovementId(UUID.randomUUID().toString())
                .setSourceEventId(UUID.randomUUID().toString()).setBalanceAfterMinor(amount)
                .build();
    }

    static LedgerTransactionRecorded ledgerRecorded(String checkoutId, String orderId, String seller, long amount) {
        return LedgerTransactionRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amount).setCurrency("EUR").setJournalEntryId(UUID.randomUUID().toString())
                .setKind(LedgerEntryKind.PAYMENT).setRefundId(null).setSourceEventId(UUID.randomUUID().toString())
                .setLines(List.of(
                        new JournalLine("psp_receivable", EntrySide.DEBIT, amount, "EUR"),
                        new JournalLine("seller_payable:" + seller, EntrySide.CREDIT, amount, "EUR")))
                .build();
    }
}
