package dev.kassa.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ApiDocument;
import dev.kassa.testfixtures.contract.Exchange;
import dev.kassa.wallet.support.WalletServiceTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.awaitility.Awaitility.await;

/**
 * The API contract: the committed docs/api/wallet-service.json is what the code serves (write it with
 * -Dkassa.api-docs.write=true), its reference is open to anyone, and the contract every test's exchanges are checked
 * against really refuses what the document does not describe.
 */
class ApiDocumentTest extends WalletServiceTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() {
        String served = anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        ApiDocument.assertCommittedMatches("wallet-service", served);
    }

    @Test
    void theRenderedReferenceIsServedToAnyone() {
        anonymous().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void aResponseFieldStatusOrTypeTheDocumentDoesNotDescribeOrAMissingFieldFailsTheContract() {
        String seller = TestEvents.seller("contract");
        producer.send(TestEvents.paymentSucceeded(seller, 1250, "USD"));
        await().atMost(Duration.ofSeconds(30)).until(() -> movementCount(seller) == 1);
        String real = http().get().uri("/api/v1/wallets/{id}", seller).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        ApiContract contract = ApiContract.of("wallet-service");

        assertThatCode(() -> contract.check(get(seller, 200, real))).doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(get(seller, 200, real.replaceFirst("\\{", "{\"surprise\":1,"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
        assertThatThrownBy(() -> contract.check(get(seller, 200,
                real.replace("\"amount_minor\":1250", "\"amount_minor\":\"1250\""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("amount_minor");
        assertThat(real).contains("\"amount\":\"12.50\",");
        assertThatThrownBy(() -> contract.check(get(seller, 200, real.replace("\"amount\":\"12.50\",", ""))))
                .as("a response without a field it always has").isInstanceOf(AssertionError.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> contract.check(get(seller, 418, real)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    private static Exchange get(String seller, int status, String body) {
        return Exchange.of("GET", URI.create("/api/v1/wallets/" + seller), Map.of(), null, status, JSON, body);
    }
}
