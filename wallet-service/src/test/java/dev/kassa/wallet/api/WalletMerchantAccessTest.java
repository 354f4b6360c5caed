package dev.kassa.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.MerchantKeysEndpoint;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

/**
 * A merchant reads its own sellers' wallets, and another merchant's or a seller booked before merchants existed
 * exactly as an unknown one (docs/architecture.md §11). The wallet learns a seller's merchant from the first credit
 * that names one, and keeps it.
 */
class WalletMerchantAccessTest extends WalletServiceTest {

    private static final String NONE = "(none)";

    @Test
    void theFirstCreditNamingAMerchantRecordsItForGood() {
        String seller = TestEvents.seller("merchant_kept");
        producer.send(TestEvents.paymentSucceeded(seller, 100, "EUR"));
        awaitMovements(seller, 1);
        assertThat(merchantOf(seller, "EUR")).as("a v1-style event names no merchant").isEqualTo(NONE);

        producer.send(TestEvents.merchantPaymentSucceeded(MerchantKeysEndpoint.MERCHANT_A, seller, 200, "EUR"));
        awaitMovements(seller, 2);
        assertThat(merchantOf(seller, "EUR")).isEqualTo(MerchantKeysEndpoint.MERCHANT_A);

        producer.send(TestEvents.merchantPaymentSucceeded(MerchantKeysEndpoint.MERCHANT_B, seller, 300, "EUR"));
        producer.send(TestEvents.paymentSucceeded(seller, 400, "EUR"));
        awaitMovements(seller, 4);
        assertThat(merchantOf(seller, "EUR")).as("never replaced, by another or by none").isEqualTo(MerchantKeysEndpoint.MERCHANT_A);
        assertThat(balanceMinor(seller, "EUR")).isEqualTo(1000);
    }

    @Test
    void aMerchantReadsItsOwnSellersWalletAndMovementsOnly() {
        String own = TestEvents.seller("merchant_own");
        String foreign = TestEvents.seller("merchant_foreign");
        String beforeMerchants = TestEvents.seller("merchant_none");
        PaymentOrderSucceeded paid = TestEvents.merchantPaymentSucceeded(MerchantKeysEndpoint.MERCHANT_A, own, 2999, "USD");
        producer.send(paid);
        producer.send(TestEvents.merchantPaymentSucceeded(MerchantKeysEndpoint.MERCHANT_B, foreign, 500, "USD"));
        producer.send(TestEvents.paymentSucceeded(beforeMerchants, 700, "USD"));
        awaitMovements(own, 1);
        awaitMovements(foreign, 1);
        awaitMovements(beforeMerchants, 1);

        http(MerchantKeysEndpoint.KEY_A).get().uri("/api/v1/wallets/{id}", own).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.balances[0].amount_minor").isEqualTo(2999);
        http(MerchantKeysEndpoint.KEY_A).get().uri("/api/v1/wallets/{id}/movements", own).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.movements[0].payment_order_id").isEqualTo(paid.getPaymentOrderId());

        String unknown = TestEvents.seller("merchant_unknown");
        for (String path : new String[] {"/api/v1/wallets/{id}", "/api/v1/wallets/{id}/movements"}) {
            String asUnknown = notFoundBody(path, unknown);
            assertThat(notFoundBody(path, foreign).replace(foreign, "<id>")).as(path + " of another merchant's seller")
                    .isEqualTo(asUnknown.replace(unknown, "<id>"));
            assertThat(notFoundBody(path, beforeMerchants).replace(beforeMerchants, "<id>"))
                    .as(path + " of a seller without a merchant").isEqualTo(asUnknown.replace(unknown, "<id>"));
        }
        // Operators still read every wallet; the list of balances below zero is theirs only.
        http().get().uri("/api/v1/wallets/{id}", foreign).exchange().expectStatus().isOk();
        http(MerchantKeysEndpoint.KEY_A).get().uri("/api/v1/wallets?below_zero=true").exchange()
                .expectStatus().isForbidden();
    }

    private String notFoundBody(String path, String account) {
        EntityExchangeResult<String> result = http(MerchantKeysEndpoint.KEY_A).get().uri(path, account).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult();
        return result.getResponseBody();
    }

    private void awaitMovements(String seller, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> movementCount(seller) == count);
    }

    private String merchantOf(String seller, String currency) {
        return jdbc.sql("SELECT coalesce(merchant_id, '" + NONE + "') FROM wallet_balance WHERE account_id = ? AND currency = ?")
                .params(seller, currency).query(String.class).single();
    }
}
