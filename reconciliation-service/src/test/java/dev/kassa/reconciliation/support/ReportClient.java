package dev.kassa.reconciliation.support;

import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ContractInterceptor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliation API as a client sees it: raw JSON, so tests check the wire format too, with one of the tests'
 * operator keys ({@code dev.kassa.testfixtures.TestKeys}) or none. Every exchange is checked against the committed
 * API document (docs/api/reconciliation-service.json), so an answer it does not describe fails the test.
 */
public final class ReportClient {

    /** One discrepancy of a report, the fields tests compare. */
    public record Found(String type, String paymentOrderId, String pspReference, String refundId, String sellerAccount,
                        String expected, String actual) {
    }

    /** The service whose committed API document ({@code docs/api/<service>.json}) checks the tests' exchanges. */
    public static final String SERVICE = "reconciliation-service";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractInterceptor CONTRACT = ContractInterceptor.of(SERVICE);

    private final RestClient http;

    /** @param key the operator key every request carries; null for none */
    public ReportClient(String baseUrl, String key) {
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl).requestInterceptor(CONTRACT)
                .defaultStatusHandler(status -> true, (request, response) -> { }); // tests look at every status
        if (key != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key));
        }
        this.http = builder.build();
    }

    /** Runs the day and returns the report; fails the test unless the run answered 200. */
    public JsonNode run(LocalDate date) {
        ResponseEntity<String> response = post("{\"date\":\"" + date + "\"}");
        if (response.getStatusCode().value() != 200) {
            throw new AssertionError("POST /api/v1/reconciliations " + date + " answered "
                    + response.getStatusCode() + ": " + response.getBody());
        }
        return JSON.readTree(response.getBody());
    }

    public ResponseEntity<String> post(String body) {
        return post(body, MediaType.APPLICATION_JSON, null);
    }

    /** A POST of {@code body} as {@code contentType}, with an {@code X-Request-Id} unless it is null. */
    public ResponseEntity<String> post(String body, MediaType contentType, String requestId) {
        return http.post().uri("/api/v1/reconciliations").contentType(contentType)
                .headers(headers -> {
                    if (requestId != null) {
                        headers.set("X-Request-Id", requestId);
                    }
                })
                .body(body).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path, String accept) {
        return http.get().uri(path).header("Accept", accept).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> delete(String path) {
        return http.delete().uri(path).retrieve().toEntity(String.class);
    }

    public JsonNode report(LocalDate date) {
        return JSON.readTree(get("/api/v1/reconciliations/" + date).getBody());
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static List<Found> discrepancies(JsonNode report) {
        List<Found> found = new ArrayList<>();
        for (JsonNode d : report.get("discrepancies")) {
            found.add(new Found(text(d, "type"), text(d, "payment_order_id"), text(d, "psp_reference"),
                    text(d, "refund_id"), text(d, "seller_account"), text(d, "expected"), text(d, "actual")));
        }
        return found;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
