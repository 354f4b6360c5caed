package dev.kassa.ledger.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AccountApiTest extends LedgerIntegrationTest {

    @Test
    void aSellersAccountShowsDebitsCreditsAndTheBalancePerCurrency() {
        String seller = TestEvents.id("seller");
        String usdOrder = TestEvents.id("po");
        ledger().payment(usdOrder, seller, 2999, "USD");
        ledger().payment(TestEvents.id("po"), seller, 1500, "JPY");
        ledger().refund(usdOrder, "rf_1", seller, 1000, "USD");

        ResponseEntity<Map<String, Object>> response = get("/api/v1/ledger/accounts/seller_payable:" + seller);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("account_id", "seller_payable:" + seller)
                .containsEntry("type", "LIABILITY").containsEntry("normal_side", "CREDIT");
        assertThat((List<Object>) body.get("balances")).containsExactly(
                Map.of("currency", "JPY", "debits_minor", 0, "credits_minor", 1500,
                        "balance", "1500", "balance_minor", 1500),
                Map.of("currency", "USD", "debits_minor", 1000, "credits_minor", 2999,
                        "balance", "19.99", "balance_minor", 1999));
    }

    @Test
    void theColonInAnAccountIdMayBePercentEncoded() {
        String seller = TestEvents.id("seller");
        ledger().payment(TestEvents.id("po"), seller, 1234, "KWD");

        ResponseEntity<Map<String, Object>> raw = get("/api/v1/ledger/accounts/seller_payable:" + seller);
        ResponseEntity<Map<String, Object>> encoded = get("/api/v1/ledger/accounts/seller_payable%3A" + seller);
        ResponseEntity<Map<String, Object>> lowerCaseEncoded = get("/api/v1/ledger/accounts/seller_payable%3a" + seller);

        assertThat(raw.getStatusCode().value()).isEqualTo(200);
        assertThat(encoded.getBody()).isEqualTo(raw.getBody());
        assertThat(lowerCaseEncoded.getBody()).isEqualTo(raw.getBody());
        assertThat((List<Object>) raw.getBody().get("balances")).containsExactly(Map.of("currency", "KWD",
                "debits_minor", 0, "credits_minor", 1234, "balance", "1.234", "balance_minor", 1234));
    }

    @Test
    void pspReceivableIsAnAssetThatGrowsWithDebits() {
        ledger().payment(TestEvents.id("po"), TestEvents.id("seller"), 10, "EUR");

        ResponseEntity<Map<String, Object>> response = get("/api/v1/ledger/accounts/psp_receivable");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("type", "ASSET").containsEntry("normal_side", "DEBIT");
        Map<String, Object> eur = ((List<Map<String, Object>>) response.getBody().get("balances")).stream()
                .filter(b -> b.get("currency").equals("EUR")).findFirst().orElseThrow();
        long debits = ((Number) eur.get("debits_minor")).longValue();
        long credits = ((Number) eur.get("credits_minor")).longValue();
        assertThat(((Number) eur.get("balance_minor")).longValue()).isEqualTo(debits - credits).isPositive();
    }

    @Test
    void disputeFeesIsAnExpenseThatGrowsWithTheFeesThePlatformBears() {
        String seller = TestEvents.id("seller");
        long before = disputeFeesUsd();
        PaymentOrderSucceeded platformPays = ledger().payment(TestEvents.id("po"), seller, 5_000, "USD");
        PaymentOrderSucceeded sellerPays = ledger().payment(TestEvents.id("po"), seller, 3_000, "USD");
        ledger().disputeWithdrawn(platformPays, 1_500, DisputeFeeBearer.PLATFORM);
        ledger().disputeWithdrawn(sellerPays, 700, DisputeFeeBearer.SELLER);

        ResponseEntity<Map<String, Object>> response = get("/api/v1/ledger/accounts/dispute_fees");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("account_id", "dispute_fees").containsEntry("type", "EXPENSE")
                .containsEntry("normal_side", "DEBIT");
        assertThat(disputeFeesUsd()).isEqualTo(before + 1_500);
        assertThat(get("/api/v1/ledger/accounts/seller_payable:" + seller).getBody().get("balances"))
                .as("the seller's wallet: 8000 paid, 8000 disputed, a 700 fee")
                .isEqualTo(List.of(Map.of("currency", "USD", "debits_minor", 8_700, "credits_minor", 8_000,
                        "balance", "-7.00", "balance_minor", -700)));
    }

    @Test
    void anUnknownAccountIsA404Problem() {
        ResponseEntity<Map<String, Object>> response = get("/api/v1/ledger/accounts/seller_payable:" + TestEvents.id("nobody"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 404);
        assertThat((List<Object>) response.getBody().get("errors"))
                .containsExactly(Map.of("field", "account_id", "reason", "unknown"));
    }

    @Test
    void aMalformedAccountIdIsA400ProblemNamingTheField() {
        for (String bad : List.of("cash", "seller_payable:", "seller_payable:a%20b", "PSP_RECEIVABLE",
                "seller_payable:" + "x".repeat(129))) {
            ResponseEntity<Map<String, Object>> response = get("/api/v1/ledger/accounts/" + bad);

            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(((Map<String, Object>) ((List<Object>) response.getBody().get("errors")).getFirst()).get("field"))
                    .isEqualTo("account_id");
        }
    }

    private long disputeFeesUsd() {
        ResponseEntity<Map<String, Object>> response = get("/api/v1/ledger/accounts/dispute_fees");
        assertThat(response.getStatusCode().value()).as("dispute_fees exists from the start").isEqualTo(200);
        return ((List<Map<String, Object>>) response.getBody().get("balances")).stream()
                .filter(b -> b.get("currency").equals("USD"))
                .mapToLong(b -> ((Number) b.get("balance_minor")).longValue()).findFirst().orElse(0);
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http().get().uri(URI.create("http://127.0.0.1:" + port + path)).retrieve().toEntity(JSON);
    }
}
