package dev.kassa.systemtests.support;

import dev.kassa.launcher.demo.KassaClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads a counter from a service's {@code /actuator/prometheus}, with the launcher's plain HTTP client (metrics are an
 * operator's, not the merchant API kassa-client speaks).
 */
public final class Prometheus {

    private final KassaClient http;
    private final String baseUrl;

    Prometheus(KassaClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * The sum of every series of {@code metric} whose labels contain {@code labelFragment} (e.g.
     * {@code consumer="wallet-service"}); 0 when there is none yet (counters appear on first use).
     */
    public double sum(String metric, String labelFragment) {
        KassaClient.Response response = http.get(baseUrl + "/actuator/prometheus");
        JsonNode body = response.body();
        if (!response.isSuccess() || !body.isString()) {
            throw new IllegalStateException("/actuator/prometheus answered " + response.status());
        }
        double sum = 0;
        for (String line : body.asString().lines().toList()) {
            if (line.startsWith(metric + "{") && line.contains(labelFragment)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
