package dev.kassa.pspmock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ApiDocument;
import dev.kassa.testfixtures.contract.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract: the committed docs/api/psp-mock-service.json is what the code serves (write it with
 * -Dkassa.api-docs.write=true), its reference is open to anyone, and the contract every test's exchanges are checked
 * against really refuses what the document does not describe.
 */
class ApiDocumentTest extends PspIntegrationTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() {
        Response served = api.send(api.unauthorized("/v3/api-docs").GET());

        assertThat(served.status()).isEqualTo(200);
        ApiDocument.assertCommittedMatches("psp-mock-service", served.body());
    }

    @Test
    void theRenderedReferenceIsServedToAnyone() {
        assertThat(api.send(api.unauthorized("/swagger-ui/index.html").GET()).status()).isEqualTo(200);
    }

    @Test
    void aResponseFieldStatusOrTypeTheDocumentDoesNotDescribeOrAMissingFieldFailsTheContract() {
        String id = api.createIntent(1250, "EUR", "tok_visa").json().path("id").stringValue();
        String real = api.get("/v1/payment_intents/" + id).body();
        ApiContract contract = PspApi.CONTRACT;

        assertThatCode(() -> contract.check(retrieve(id, 200, real))).doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(retrieve(id, 200, real.replaceFirst("\\{", "{\"surprise\":1,"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
        String amountAsText = real.replace("\"amount\":1250", "\"amount\":\"1250\"");
        assertThatThrownBy(() -> contract.check(retrieve(id, 200, amountAsText)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("amount");
        ObjectNode without = (ObjectNode) JsonMapper.shared().readTree(real);
        assertThat(without.remove("status")).as("the real answer has it").isNotNull();
        assertThatThrownBy(() -> contract.check(retrieve(id, 200, without.toString())))
                .as("a response without a field it always has").isInstanceOf(AssertionError.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> contract.check(retrieve(id, 418, real)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void aRefusalOutsideStripesErrorShapeFailsTheContract() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}";
        String stripe = api.get("/v1/payment_intents/pi_missing").body();
        ApiContract contract = PspApi.CONTRACT;

        assertThatCode(() -> contract.check(retrieve("pi_missing", 404, stripe))).doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(retrieve("pi_missing", 404, problem)))
                .isInstanceOf(AssertionError.class);
    }

    /**
     * What every kind of event carries is one of the document's objects: a charge (which no endpoint answers but
     * {@code charge.refunded} carries), a refund and a payment intent, each listed and retrieved through the contract.
     */
    @Test
    void theObjectsEventsCarryAreTheDocumentsOwn() {
        String intent = api.createIntent(2400, "EUR", "tok_visa").json().path("id").stringValue();
        String refund = api.refund(intent, 400).json().path("id").stringValue();

        for (String type : List.of("payment_intent.succeeded", "refund.created", "charge.refunded")) {
            Response page = api.get("/v1/events?type=" + type + "&limit=20");
            assertThat(page.status()).isEqualTo(200);
            String id = StreamSupport.stream(page.json().path("data").spliterator(), false)
                    .filter(event -> List.of(intent, refund, "ch_" + intent.substring(3))
                            .contains(event.path("data").path("object").path("id").stringValue()))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + type + " event of " + intent))
                    .path("id").stringValue();
            assertThat(api.get("/v1/events/" + id).json().path("type").stringValue()).isEqualTo(type);
        }
    }

    private static Exchange retrieve(String id, int status, String body) {
        return Exchange.of("GET", URI.create("/v1/payment_intents/" + id), Map.of(), null, status, JSON, body);
    }
}
