package dev.kassa.ledger.entries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class EntriesApiTest extends LedgerIntegrationTest {

    @Test
    void anAccountsEntriesComeInPostingOrderPageByPage() {
        String seller = TestEvents.id("seller");
        List<String> orders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String order = TestEvents.id("po");
            orders.add(order);
            ledger().payment(order, seller, i * 100L, "EUR");
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = get("/api/v1/ledger/entries?account_id=seller_payable:" + seller + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).getBody();
            for (Object entry : (List<Object>) page.get("entries")) {
                seen.add((String) ((Map<String, Object>) entry).get("payment_order_id"));
            }
            cursor = (String) page.get("next_cursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).isEqualTo(orders);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void anEntryShowsItsLinesWithAmountsInMinorUnitsAndAsDecimals() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        ledger().payment(order, seller, 2999, "USD");
        ledger().refund(order, "rf_9", seller, 999, "USD");

        List<Map<String, Object>> entries = entries(get("/api/v1/ledger/entries?payment_order_id=" + order));

        assertThat(entries).hasSize(2);
        Map<String, Object> payment = entries.get(0);
        assertThat(payment).containsEntry("kind", "PAYMENT").containsEntry("payment_order_id", order)
                .containsEntry("checkout_id", "chk_" + order).containsEntry("seller_id", seller)
                .containsEntry("refund_id", null);
        assertThat(payment.get("id")).isNotNull();
        assertThat(payment.get("source_event_id")).isNotNull();
        assertThat((List<Object>) payment.get("lines")).containsExactly(
                Map.of("line_no", 1, "account_id", "psp_receivable", "side", "DEBIT",
                        "amount", "29.99", "amount_minor", 2999, "currency", "USD"),
                Map.of("line_no", 2, "account_id", "seller_payable:" + seller, "side", "CREDIT",
                        "amount", "29.99", "amount_minor", 2999, "currency", "USD"));
        Map<String, Object> refund = entries.get(1);
        assertThat(refund).containsEntry("kind", "REFUND").containsEntry("refund_id", "rf_9");
        assertThat((List<Object>) refund.get("lines")).containsExactly(
                Map.of("line_no", 1, "account_id", "seller_payable:" + seller, "side", "DEBIT",
                        "amount", "9.99", "amount_minor", 999, "currency", "USD"),
                Map.of("line_no", 2, "account_id", "psp_receivable", "side", "CREDIT",
                        "amount", "9.99", "amount_minor", 999, "currency", "USD"));
    }

    @Test
    void aDisputesEntriesShowTheirDisputeAndTheFeeLine() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = ledger().payment(order, seller, 2999, "USD");
        DisputeFundsWithdrawn withdrawn = ledger().disputeWithdrawn(payment, 1500, DisputeFeeBearer.PLATFORM);
        ledger().disputeReinstated(withdrawn, 1500);

        List<Map<String, Object>> entries = entries(get("/api/v1/ledger/entries?payment_order_id=" + order));

        assertThat(entries).extracting(e -> e.get("kind"))
                .containsExactly("PAYMENT", "DISPUTE_FUNDS_WITHDRAWN", "DISPUTE_FUNDS_REINSTATED");
        assertThat(entries.get(0)).containsEntry("dispute_id", null);
        Map<String, Object> withdrawal = entries.get(1);
        assertThat(withdrawal).containsEntry("dispute_id", withdrawn.getDisputeId()).containsEntry("refund_id", null)
                .containsEntry("source_event_id", withdrawn.getEventId());
        assertThat((List<Object>) withdrawal.get("lines")).containsExactly(
                Map.of("line_no", 1, "account_id", "seller_payable:" + seller, "side", "DEBIT",
                        "amount", "29.99", "amount_minor", 2999, "currency", "USD"),
                Map.of("line_no", 2, "account_id", "psp_receivable", "side", "CREDIT",
                        "amount", "44.99", "amount_minor", 4499, "currency", "USD"),
                Map.of("line_no", 3, "account_id", "dispute_fees", "side", "DEBIT",
                        "amount", "15.00", "amount_minor", 1500, "currency", "USD"));
        assertThat(entries.get(2)).containsEntry("dispute_id", withdrawn.getDisputeId());
        assertThat(entries(get("/api/v1/ledger/entries?payment_order_id=" + order + "&account_id=dispute_fees")))
                .extracting(e -> e.get("kind")).containsExactly("DISPUTE_FUNDS_WITHDRAWN", "DISPUTE_FUNDS_REINSTATED");
    }

    @Test
    void filtersCombine() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        ledger().payment(order, seller, 500, "JPY");
        ledger().payment(TestEvents.id("po"), seller, 700, "JPY");

        assertThat(entries(get("/api/v1/ledger/entries?payment_order_id=" + order
                + "&account_id=seller_payable%3A" + seller))).hasSize(1);
        assertThat(entries(get("/api/v1/ledger/entries?payment_order_id=" + order
                + "&account_id=seller_payable:" + TestEvents.id("other")))).isEmpty();
        assertThat(entries(get("/api/v1/ledger/entries?account_id=seller_payable:" + seller))).hasSize(2);
    }

    @Test
    void withoutFiltersEveryEntryIsListed() {
        ledger().payment(TestEvents.id("po"), TestEvents.id("seller"), 1, "USD");
        ledger().payment(TestEvents.id("po"), TestEvents.id("seller"), 1, "USD");

        Map<String, Object> page = get("/api/v1/ledger/entries?limit=1").getBody();

        assertThat((List<Object>) page.get("entries")).hasSize(1);
        assertThat(page.get("next_cursor")).isNotNull();
    }

    private static List<Map<String, Object>> entries(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return (List<Map<String, Object>>) response.getBody().get("entries");
    }

    private ResponseEntity<Map<String, Object>> get(String pathAndQuery) {
        return http().get().uri(URI.create("http://127.0.0.1:" + port + pathAndQuery)).retrieve().toEntity(JSON);
    }
}
