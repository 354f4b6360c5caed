package dev.kassa.systemtests.support;

import dev.kassa.launcher.demo.KassaClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One service's dead-letter admin API (messaging library): {@code /admin/dead-letters}. With the launcher's plain HTTP
 * client: an operator API, not the merchant API kassa-client speaks.
 */
public final class DeadLetters {

    private final KassaClient http;
    private final String baseUrl;

    DeadLetters(KassaClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        ok(http.get(baseUrl + "/admin/dead-letters/topics")).forEach(topic -> topics.add(topic.asString()));
        return topics;
    }

    /** Every letter of {@code topic} (up to 500 per partition read), oldest first per partition. */
    public List<JsonNode> list(String topic) {
        List<JsonNode> letters = new ArrayList<>();
        ok(http.get(baseUrl + "/admin/dead-letters?limit=500&topic=" + topic)).forEach(letters::add);
        return letters;
    }

    /** The letters of {@code topic} whose Kafka key is {@code key}. */
    public List<JsonNode> withKey(String topic, String key) {
        return list(topic).stream().filter(letter -> key.equals(letter.path("key").asString())).toList();
    }

    /** {@code POST /admin/dead-letters/replay} with {@code request} (topic, partition, offsets, event_ids, dry_run). */
    public JsonNode replay(Map<String, Object> request) {
        return ok(http.post(baseUrl + "/admin/dead-letters/replay", request));
    }

    private static JsonNode ok(KassaClient.Response response) {
        if (!response.isSuccess()) {
            throw new IllegalStateException("answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }
}
