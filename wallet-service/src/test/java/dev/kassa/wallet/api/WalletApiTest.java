package dev.kassa.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.movement.MovementKind;
import dev.kassa.wallet.movement.MovementRequest;
import dev.kassa.wallet.movement.WalletMovements;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The read API over the database: balances, movement pages, 404 for an account without movements (input rules: WalletControllerTest). */
class WalletApiTest extends WalletServiceTest {

    @Autowired
    WalletMovements movements;

    @Test
    void walletShowsEachCurrencyBalanceFormattedAndInMinorUnits() {
        String seller = TestEvents.seller("api_wallet");
        credit(seller, "USD", 2999);
        credit(seller, "EUR", 100);

        http().get().uri("/api/v1/wallets/{id}", seller).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.account_id").isEqualTo(seller)
                .jsonPath("$.balances[0].currency").isEqualTo("EUR")
                .jsonPath("$.balances[0].amount").isEqualTo("1.00")
                .jsonPath("$.balances[0].amount_minor").isEqualTo(100)
                .jsonPath("$.balances[1].currency").isEqualTo("USD")
                .jsonPath("$.balances[1].amount").isEqualTo("29.99")
                .jsonPath("$.balances[1].amount_minor").isEqualTo(2999)
                .jsonPath("$.updated_at").isNotEmpty();
    }

    @Test
    void movementsArePagedNewestFirstWithAnOpaqueCursor() {
        String seller = TestEvents.seller("api_paging");
        List<String> paymentOrders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            paymentOrders.add(credit(seller, "USD", i * 100L).paymentOrderId());
        }

        Map<String, Object> first = page(seller, "limit=2");
        assertThat(paymentOrderIds(first)).containsExactly(paymentOrders.get(4), paymentOrders.get(3));
        assertThat(first.get("next_cursor")).isNotNull();
        Map<String, Object> second = page(seller, "limit=2&cursor=" + first.get("next_cursor"));
        assertThat(paymentOrderIds(second)).containsExactly(paymentOrders.get(2), paymentOrders.get(1));
        Map<String, Object> last = page(seller, "limit=2&cursor=" + second.get("next_cursor"));
        assertThat(paymentOrderIds(last)).containsExactly(paymentOrders.get(0));
        assertThat(last.get("next_cursor")).isNull();

        @SuppressWarnings("unchecked")
        Map<String, Object> newest = ((List<Map<String, Object>>) first.get("movements")).getFirst();
        assertThat(newest).containsEntry("kind", "CREDIT").containsEntry("amount", "5.00")
                .containsEntry("amount_minor", 500).containsEntry("balance_after", "15.00")
                .containsEntry("balance_after_minor", 1500).containsEntry("refund_id", null)
                .containsEntry("dispute_id", null);
        assertThat(newest.get("movement_id")).isNotNull();
        assertThat(newest.get("source_event_id")).isNotNull();
    }

    @Test
    void aRefundBelowZeroIsAppliedAndVisibleInTheApiAndTheMetric() {
        String seller = TestEvents.seller("api_negative");
        MovementRequest payment = credit(seller, "USD", 1000);
        double before = belowZeroGauge();

        movements.apply(new MovementRequest(UUID.randomUUID().toString(), MovementKind.DEBIT, seller, "USD", 1500,
                payment.paymentOrderId(), payment.checkoutId(), TestEvents.id("rf"), Instant.now()));

        http().get().uri("/api/v1/wallets/{id}", seller).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.balances[0].amount").isEqualTo("-5.00")
                .jsonPath("$.balances[0].amount_minor").isEqualTo(-500);
        http().get().uri("/api/v1/wallets/{id}/movements", seller).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.movements[0].kind").isEqualTo("DEBIT")
                .jsonPath("$.movements[0].balance_after").isEqualTo("-5.00");
        http().get().uri("/api/v1/wallets?below_zero=true&limit=200").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.balances[?(@.account_id=='" + seller + "')].amount").isEqualTo("-5.00");
        assertThat(belowZeroGauge()).isEqualTo(before + 1);
        Long inDatabase = jdbc.sql("SELECT count(*) FROM wallet_balance WHERE balance_minor < 0").query(Long.class).single();
        assertThat(belowZeroGauge()).isEqualTo(inDatabase.doubleValue());
    }

    @Test
    void unknownAccountIsA404Problem() {
        for (String path : List.of("/api/v1/wallets/{id}", "/api/v1/wallets/{id}/movements")) {
            http().get().uri(path, "seller_never_paid").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(404)
                    .jsonPath("$.type").isEqualTo("https://kassa.dev/problems/not-found")
                    .jsonPath("$.errors[0].field").isEqualTo("account_id");
        }
    }

    private MovementRequest credit(String seller, String currency, long amountMinor) {
        MovementRequest request = new MovementRequest(UUID.randomUUID().toString(), MovementKind.CREDIT, seller,
                currency, amountMinor, TestEvents.id("po"), TestEvents.id("chk"), null, Instant.now());
        movements.apply(request);
        return request;
    }

    private Map<String, Object> page(String seller, String query) {
        return http().get().uri("/api/v1/wallets/" + seller + "/movements?" + query).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> paymentOrderIds(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("movements")).stream()
                .map(m -> (String) m.get("payment_order_id"))
                .toList();
    }

    private double belowZeroGauge() {
        String scrape = http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines()
                .filter(line -> line.startsWith("kassa_wallet_balances_below_zero"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no kassa_wallet_balances_below_zero in " + scrape));
    }
}
