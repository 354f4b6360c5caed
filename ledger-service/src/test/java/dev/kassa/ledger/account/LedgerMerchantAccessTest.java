package dev.kassa.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.testfixtures.MerchantKeysEndpoint;
import dev.kassa.testfixtures.TestEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * A merchant reads the seller_payable accounts of its own sellers and their entries, and everything else exactly as
 * an unknown account (docs/architecture.md §11). The ledger learns a seller's merchant from the first posting that
 * names one, and keeps it.
 */
class LedgerMerchantAccessTest extends LedgerIntegrationTest {

    @Test
    void theFirstPostingNamingAMerchantRecordsItForGood() {
        String seller = TestEvents.seller("ledger_kept");
        ledger().payment(TestEvents.id("po"), seller, 100, "EUR");
        assertThat(merchantOf(seller)).as("a v1-style event names no merchant").isEmpty();

        ledger().merchantPayment(MerchantKeysEndpoint.MERCHANT_A, TestEvents.id("po"), seller, 200, "EUR");
        ledger().merchantPayment(MerchantKeysEndpoint.MERCHANT_B, TestEvents.id("po"), seller, 300, "EUR");
        ledger().payment(TestEvents.id("po"), seller, 400, "EUR");

        assertThat(merchantOf(seller)).containsExactly(MerchantKeysEndpoint.MERCHANT_A);
    }

    @Test
    void aMerchantReadsItsOwnSellersAccountAndEntriesOnly() {
        String own = TestEvents.seller("ledger_own");
        String foreign = TestEvents.seller("ledger_foreign");
        String beforeMerchants = TestEvents.seller("ledger_none");
        String paid = TestEvents.id("po");
        ledger().merchantPayment(MerchantKeysEndpoint.MERCHANT_A, paid, own, 2999, "USD");
        ledger().merchantPayment(MerchantKeysEndpoint.MERCHANT_B, TestEvents.id("po"), foreign, 500, "USD");
        ledger().payment(TestEvents.id("po"), beforeMerchants, 700, "USD");

        ResponseEntity<Map<String, Object>> account = asA("/api/v1/ledger/accounts/seller_payable:" + own);
        assertThat(account.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map<String, Object>> entries = asA("/api/v1/ledger/entries?account_id=seller_payable:" + own);
        assertThat(entries.getStatusCode().value()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) entries.getBody().get("entries");
        assertThat(listed).extracting(entry -> entry.get("payment_order_id")).containsExactly(paid);

        String unknown = "seller_payable:" + TestEvents.seller("ledger_unknown");
        for (String path : new String[] {"/api/v1/ledger/accounts/", "/api/v1/ledger/entries?account_id="}) {
            String asUnknown = bodyOf(path + unknown, 404).replace(unknown, "<id>");
            for (String other : new String[] {"seller_payable:" + foreign, "seller_payable:" + beforeMerchants,
                    "psp_receivable", "dispute_fees"}) {
                assertThat(bodyOf(path + other, 404).replace(other, "<id>")).as(path + other).isEqualTo(asUnknown);
            }
        }
        // Without an account a merchant would page through every seller's entries: it must name one.
        ResponseEntity<Map<String, Object>> unfiltered = asA("/api/v1/ledger/entries?payment_order_id=" + paid);
        assertThat(unfiltered.getStatusCode().value()).isEqualTo(400);
        assertThat(unfiltered.getBody().toString()).contains("account_id");
        assertThat(asA("/api/v1/ledger/trial-balance").getStatusCode().value()).as("the platform's").isEqualTo(403);
        // Operators read everything, as before.
        assertThat(http().get().uri("/api/v1/ledger/accounts/seller_payable:" + foreign).retrieve()
                .toEntity(JSON).getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<Map<String, Object>> asA(String path) {
        return http().mutate().defaultHeader("Authorization", "Bearer " + MerchantKeysEndpoint.KEY_A).build()
                .get().uri(path).retrieve().toEntity(JSON);
    }

    private String bodyOf(String path, int status) {
        ResponseEntity<String> response = http().mutate()
                .defaultHeader("Authorization", "Bearer " + MerchantKeysEndpoint.KEY_A).build()
                .get().uri(path).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(status);
        return response.getBody();
    }

    private List<String> merchantOf(String seller) {
        return jdbc.queryForList("SELECT merchant_id FROM seller_merchant WHERE seller_id = ?", String.class, seller);
    }
}
