package dev.kassa.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.ledger.LedgerIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Spring MVC's own refusals are problem details too, never an HTML page or a 500. */
class ProblemDetailsTest extends LedgerIntegrationTest {

    @Test
    void anUnknownPathIsA404Problem() {
        ResponseEntity<Map<String, Object>> response = http().get().uri("/api/v1/ledger/nothing-here")
                .retrieve().toEntity(JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 404);
    }

    @Test
    void aWriteToTheReadOnlyApiIsA405Problem() {
        ResponseEntity<Map<String, Object>> response = http().post().uri("/api/v1/ledger/trial-balance")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(405);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
