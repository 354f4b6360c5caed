package dev.kassa.systemtests.support;

import dev.kassa.launcher.demo.KassaClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** psp-mock-service's own API (bearer key): fault switches, webhook events, settlement files. */
public final class Psp {

    /** psp-mock's local test key and webhook secret (its README): the defaults the launcher runs with. */
    public static final String API_KEY = "sk_test_kassa";
    public static final String WEBHOOK_SECRET = "whsec_test_kassa";

    private final String baseUrl;
    private final KassaClient http = new KassaClient();

    Psp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Changes the fault switches named, e.g. {@code Map.of("webhook_outage", true)}. */
    public void setFaults(Map<String, Object> faults) {
        expectOk(call("POST", "/admin/faults", KassaClient.json(faults)));
    }

    /** Restores the switches of startup: every fault off. */
    public void resetFaults() {
        expectOk(call("DELETE", "/admin/faults", null));
    }

    /** The newest events of a type (up to 1000), as the PSP lists them, with {@code pending_webhooks}. */
    public List<JsonNode> events(String type) {
        KassaClient.Response answer = expectOk(call("GET", "/v1/events?limit=1000&type=" + type, null));
        List<JsonNode> events = new ArrayList<>();
        answer.body().path("data").forEach(events::add);
        return events;
    }

    /** The event of {@code type} about payment intent {@code intentId}, once the PSP has made it. */
    public Optional<JsonNode> eventAbout(String type, String intentId) {
        return events(type).stream()
                .filter(event -> intentId.equals(event.path("data").path("object").path("id").asString()))
                .findFirst();
    }

    public JsonNode event(String eventId) {
        return expectOk(call("GET", "/v1/events/" + eventId, null)).body();
    }

    /** The settlement file of a UTC day: one CSV row per charge or refund. */
    public List<String> settlementRows(LocalDate date) {
        String csv = expectOk(call("GET", "/v1/settlements/" + date, null)).text();
        return csv.lines().skip(1).filter(line -> !line.isBlank()).toList();
    }

    private KassaClient.Response call(String method, String path, String body) {
        return http.send(method, baseUrl + path, Map.of("Authorization", "Bearer " + API_KEY), body);
    }

    private static KassaClient.Response expectOk(KassaClient.Response answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("psp-mock answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }
}
