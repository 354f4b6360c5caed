package dev.kassa.payment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ApiDocument;
import dev.kassa.testfixtures.contract.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract: the committed docs/api/payment-service.json is what the code serves (write it with
 * -Dkassa.api-docs.write=true), its reference is open to anyone, and the contract every test's exchanges are checked
 * against really refuses what the document does not describe.
 */
class ApiDocumentTest extends PaymentServiceTestBase {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() {
        HttpApi.Response served = anonymous.get("/v3/api-docs");
        assertThat(served.status()).as(served.body()).isEqualTo(200);

        ApiDocument.assertCommittedMatches("payment-service", served.body());
    }

    @Test
    void theRenderedReferenceIsServedToAnyone() {
        HttpApi.Response page = anonymous.get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    void aResponseFieldStatusOrTypeTheDocumentDoesNotDescribeOrAMissingFieldFailsTheContract() {
        // While the document is rewritten, the JVM may already hold the old one: it proves nothing then.
        assumeFalse(Boolean.getBoolean(ApiDocument.WRITE_PROPERTY), "the document is being rewritten");
        String checkoutId = id("chk");
        HttpApi.Response created = api.postJson("/api/v1/payments",
                checkout(checkoutId, id("po"), "12.50", "USD", "tok_visa"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String real = api.get("/api/v1/payments/" + checkoutId).body();
        ApiContract contract = ApiContract.of("payment-service");

        assertThatCode(() -> contract.check(get(checkoutId, 200, real))).doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(get(checkoutId, 200, real.replaceFirst("\\{", "{\"surprise\":1,"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
        assertThatThrownBy(() -> contract.check(get(checkoutId, 200,
                real.replace("\"currency\":\"USD\"", "\"currency\":840"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("currency");
        ObjectNode without = (ObjectNode) JsonMapper.shared().readTree(real);
        assertThat(without.remove("created_at")).as("the real answer has it").isNotNull();
        assertThatThrownBy(() -> contract.check(get(checkoutId, 200, without.toString())))
                .as("a response without a field it always has").isInstanceOf(AssertionError.class)
                .hasMessageContaining("created_at");
        assertThatThrownBy(() -> contract.check(get(checkoutId, 418, real)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    private static Exchange get(String checkoutId, int status, String body) {
        return Exchange.of("GET", URI.create("/api/v1/payments/" + checkoutId), Map.of(), null, status, JSON, body);
    }
}
