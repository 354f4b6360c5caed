package dev.kassa.wallet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each currency keeps its own exponent from the Kafka record to the API: JPY 0 decimals, KWD 3, USD 2. */
class MinorUnitsTest extends WalletServiceTest {

    @Test
    void jpyAndKwdAmountsKeepTheirMinorUnits() {
        String seller = TestEvents.seller("minor_units");
        PaymentOrderSucceeded yen = TestEvents.paymentSucceeded(seller, 1500, "JPY");
        PaymentOrderSucceeded dinar = TestEvents.paymentSucceeded(seller, 12_345, "KWD");
        PaymentOrderSucceeded dollars = TestEvents.paymentSucceeded(seller, 2999, "USD");
        producer.sendAll(List.of(yen, dinar, dollars));
        await().atMost(Duration.ofSeconds(30)).until(() -> movementCount(seller) == 3);
        producer.send(TestEvents.refundSucceeded(dinar, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> movementCount(seller) == 4);

        http().get().uri("/api/v1/wallets/{id}", seller).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.account_id").isEqualTo(seller)
                .jsonPath("$.balances.length()").isEqualTo(3)
                .jsonPath("$.balances[?(@.currency=='JPY')].amount").isEqualTo("1500")
                .jsonPath("$.balances[?(@.currency=='JPY')].amount_minor").isEqualTo(1500)
                .jsonPath("$.balances[?(@.currency=='KWD')].amount").isEqualTo("12.344")
                .jsonPath("$.balances[?(@.currency=='KWD')].amount_minor").isEqualTo(12_344)
                .jsonPath("$.balances[?(@.currency=='USD')].amount").isEqualTo("29.99")
                .jsonPath("$.balances[?(@.currency=='USD')].amount_minor").isEqualTo(2999);

        http().get().uri("/api/v1/wallets/{id}/movements", seller).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.movements[0].kind").isEqualTo("DEBIT")
                .jsonPath("$.movements[0].currency").isEqualTo("KWD")
                .jsonPath("$.movements[0].amount").isEqualTo("0.001")
                .jsonPath("$.movements[0].balance_after").isEqualTo("12.344");
        assertThat(balanceMinor(seller, "JPY")).isEqualTo(1500);
    }
}
