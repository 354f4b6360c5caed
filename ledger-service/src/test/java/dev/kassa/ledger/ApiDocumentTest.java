package dev.kassa.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.contract.ApiDocument;
import dev.kassa.testfixtures.contract.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The API contract: the committed docs/api/ledger-service.json is what the code serves (write it with
 * -Dkassa.api-docs.write=true), its reference is open to anyone, and the contract every test's exchanges are checked
 * against really refuses what the document does not describe.
 */
class ApiDocumentTest extends LedgerIntegrationTest {

    private static final Map<String, List<String>> JSON_TYPE = Map.of("Content-Type", List.of("application/json"));

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() {
        ResponseEntity<String> served = anonymous().get().uri("/v3/api-docs").retrieve().toEntity(String.class);

        assertThat(served.getStatusCode().value()).isEqualTo(200);
        ApiDocument.assertCommittedMatches("ledger-service", served.getBody());
    }

    @Test
    void theRenderedReferenceIsServedToAnyone() {
        ResponseEntity<Void> reference = anonymous().get().uri("/swagger-ui/index.html").retrieve().toBodilessEntity();

        assertThat(reference.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aResponseFieldStatusOrTypeTheDocumentDoesNotDescribeOrAMissingFieldFailsTheContract() {
        String seller = TestEvents.id("contract");
        ledger().payment(TestEvents.id("po"), seller, 1250, "USD");
        String account = "/api/v1/ledger/accounts/seller_payable:" + seller;
        String real = http().get().uri(account).retrieve().body(String.class);
        assertThat(real).contains("\"balance_minor\":1250");

        assertThatCode(() -> CONTRACT.check(get(account, 200, real))).doesNotThrowAnyException();
        assertThatThrownBy(() -> CONTRACT.check(get(account, 200, real.replaceFirst("\\{", "{\"surprise\":1,"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
        assertThatThrownBy(() -> CONTRACT.check(get(account, 200,
                real.replace("\"balance_minor\":1250", "\"balance_minor\":\"1250\""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("balance_minor");
        assertThat(real).contains("\"debits_minor\":0,");
        assertThatThrownBy(() -> CONTRACT.check(get(account, 200, real.replace("\"debits_minor\":0,", ""))))
                .as("a response without a field it always has").isInstanceOf(AssertionError.class)
                .hasMessageContaining("debits_minor");
        assertThatThrownBy(() -> CONTRACT.check(get(account, 418, real)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    private static Exchange get(String path, int status, String body) {
        return Exchange.of("GET", URI.create(path), Map.of(), null, status, JSON_TYPE, body);
    }
}
