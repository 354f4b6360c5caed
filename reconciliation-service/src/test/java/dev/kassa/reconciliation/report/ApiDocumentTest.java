package dev.kassa.reconciliation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ApiDocument;
import dev.kassa.testfixtures.contract.Exchange;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The API contract: the committed docs/api/reconciliation-service.json is what the code serves (write it with
 * -Dkassa.api-docs.write=true), its reference is open to anyone, and the contract every test's exchanges are checked
 * against really refuses what the document does not describe.
 */
class ApiDocumentTest extends ReconciliationTestBase {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    @Test
    void theCommittedDocumentIsWhatTheServiceServes() {
        ResponseEntity<String> served = client(null).get("/v3/api-docs");
        assertThat(served.getStatusCode().value()).isEqualTo(200);

        ApiDocument.assertCommittedMatches(ReportClient.SERVICE, served.getBody());
    }

    @Test
    void theRenderedReferenceIsServedToAnyone() {
        assertThat(client(null).get("/swagger-ui/index.html").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aResponseFieldStatusOrNullTheDocumentDoesNotDescribeFailsTheContract() {
        LocalDate day = uniqueDay();
        TestPayment dropped = TestPayment.of(seller(), 1234, "USD", at(day, 9));
        settledInPlatform(dropped);
        PSP.serve(day, new BalanceTransactions());
        api.run(day);
        String real = api.get("/api/v1/reconciliations/" + day).getBody();
        assertThat(real).contains("\"type\":\"MISSING_AT_PSP\"", "\"matched_count\":0", "\"refund_id\":null",
                "\"requested_by\":{\"actor\":\"operator:");
        ApiContract contract = ApiContract.of(ReportClient.SERVICE);

        assertThatCode(() -> contract.check(get(day, 200, real))).doesNotThrowAnyException();
        assertThatCode(() -> contract.check(get(day, 200,
                real.replaceFirst("\"requested_by\":\\{[^}]*}", "\"requested_by\":null"))))
                .as("a report of a run from before requesters were recorded").doesNotThrowAnyException();
        assertThatThrownBy(() -> contract.check(get(day, 200, real.replaceFirst("\\{", "{\"surprise\":1,"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
        assertThatThrownBy(() -> contract.check(get(day, 200,
                real.replace("\"matched_count\":0", "\"matched_count\":\"0\""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("matched_count");
        assertThatThrownBy(() -> contract.check(get(day, 200,
                real.replaceFirst("\"detail\":\"[^\"]*\"", "\"detail\":null"))))
                .as("a finding always says what it is").isInstanceOf(AssertionError.class)
                .hasMessageContaining("detail");
        assertThat(real).contains("\"matched_count\":0,");
        assertThatThrownBy(() -> contract.check(get(day, 200, real.replace("\"matched_count\":0,", ""))))
                .as("a response without a field it always has").isInstanceOf(AssertionError.class)
                .hasMessageContaining("matched_count");
        assertThatThrownBy(() -> contract.check(get(day, 418, real)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    private static Exchange get(LocalDate day, int status, String body) {
        return Exchange.of("GET", URI.create("/api/v1/reconciliations/" + day), Map.of(), null, status, JSON, body);
    }
}
