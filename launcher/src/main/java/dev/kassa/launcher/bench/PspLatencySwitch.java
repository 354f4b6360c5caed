package dev.kassa.launcher.bench;

import dev.kassa.launcher.demo.KassaClient;
import java.util.Map;

/**
 * psp-mock's {@code latency_ms} fault switch ({@code /admin/faults}), set for the run and put back to what it was
 * afterwards, also when the run is interrupted. Only this field is touched: other switches an operator set stay.
 * Changing a switch needs an operator key with the OPERATOR role.
 */
final class PspLatencySwitch implements AutoCloseable {

    private final KassaClient http;
    private final String faultsUrl;
    private final long previousMs;
    private final Thread restoreOnExit = new Thread(this::restore, "kassa-bench-restore-psp-latency");
    private boolean restored;

    private PspLatencySwitch(KassaClient http, String faultsUrl, long previousMs) {
        this.http = http;
        this.faultsUrl = faultsUrl;
        this.previousMs = previousMs;
    }

    static PspLatencySwitch set(String pspUrl, String operatorKey, long latencyMs) {
        String faultsUrl = pspUrl + "/admin/faults";
        KassaClient http = KassaClient.withKey(operatorKey);
        KassaClient.Response current = expectOk(http.get(faultsUrl));
        PspLatencySwitch latency = new PspLatencySwitch(http, faultsUrl, current.body().path("latency_ms").asLong(0));
        latency.change(latencyMs);
        Runtime.getRuntime().addShutdownHook(latency.restoreOnExit);
        return latency;
    }

    long previousMs() {
        return previousMs;
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook restores it
        }
    }

    private synchronized void restore() {
        if (!restored) {
            restored = true;
            change(previousMs);
        }
    }

    private void change(long latencyMs) {
        expectOk(http.post(faultsUrl, Map.of("latency_ms", latencyMs)));
    }

    private static KassaClient.Response expectOk(KassaClient.Response response) {
        if (!response.isSuccess()) {
            throw new IllegalStateException("psp-mock /admin/faults answered " + response.status() + ": " + response.text());
        }
        return response;
    }
}
