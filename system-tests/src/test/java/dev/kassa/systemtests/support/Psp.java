package dev.kassa.systemtests.support;

import dev.kassa.launcher.PspSecrets;
import dev.kassa.launcher.demo.KassaClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * psp-mock-service's two APIs: Stripe's ({@code /v1/**}: webhook events) with the PSP API key, as payment-service
 * calls it; the simulator's own ({@code /admin/**}: fault switches, the day's settlement file) with an operator key.
 * With the launcher's plain HTTP client: psp-mock is no part of the merchant API kassa-client speaks.
 */
public final class Psp {

    /** psp-mock's webhook signing secret, as the launcher runs it and payment-service checks it. */
    public static final String WEBHOOK_SECRET = PspSecrets.LOCAL.webhookSecret();

    private final String baseUrl;
    private final KassaClient pspApi;
    private final KassaClient operator;

    Psp(String baseUrl, KassaClient pspApi, KassaClient operator) {
        this.baseUrl = baseUrl;
        this.pspApi = pspApi;
        this.operator = operator;
    }

    /** Changes the fault switches named, e.g. {@code Map.of("webhook_outage", true)}. */
    public void setFaults(Map<String, Object> faults) {
        expectOk(operator.post(baseUrl + "/admin/faults", faults));
    }

    /** Restores the switches of startup: every fault off. */
    public void resetFaults() {
        expectOk(operator.send("DELETE", baseUrl + "/admin/faults", Map.of(), null));
    }

    /** Opens a dispute of the whole charge of {@code paymentIntentId}, as a card network would; the dispute. */
    public JsonNode openDispute(String paymentIntentId) {
        return expectOk(operator.post(baseUrl + "/admin/disputes", Map.of("payment_intent", paymentIntentId))).body();
    }

    /** Every event of a type, newest first, with {@code pending_webhooks}: Stripe's list, paged 100 at a time. */
    public List<JsonNode> events(String type) {
        List<JsonNode> events = new ArrayList<>();
        String page = baseUrl + "/v1/events?limit=100&type=" + type;
        JsonNode answer;
        do {
            String startingAfter = events.isEmpty() ? "" : "&starting_after=" + events.getLast().path("id").asString();
            answer = expectOk(pspApi.get(page + startingAfter)).body();
            answer.path("data").forEach(events::add);
        } while (answer.path("has_more").asBoolean(false));
        return events;
    }

    /** The event of {@code type} about payment intent {@code intentId}, once the PSP has made it. */
    public Optional<JsonNode> eventAbout(String type, String intentId) {
        return events(type).stream()
                .filter(event -> intentId.equals(event.path("data").path("object").path("id").asString()))
                .findFirst();
    }

    public JsonNode event(String eventId) {
        return expectOk(pspApi.get(baseUrl + "/v1/events/" + eventId)).body();
    }

    /** The simulator's settlement file of a UTC day: one CSV row per charge or refund. */
    public List<String> settlementRows(LocalDate date) {
        String csv = expectOk(operator.get(baseUrl + "/admin/settlements/" + date)).text();
        return csv.lines().skip(1).filter(line -> !line.isBlank()).toList();
    }

    private static KassaClient.Response expectOk(KassaClient.Response answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("psp-mock answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }
}
