package dev.kassa.launcher.bench;

import dev.kassa.launcher.demo.KassaClient;
import java.util.Map;

/**
 * psp-mock's {@code latency_ms} fault switch ({@code /admin/faults}), set for the run and put back to what it was
 * afterwards, also when the run is interrupted. Only this field is touched: other switches an operator set stay.
 */
final class PspLatencySwitch implements AutoCloseable {

    /** psp-mock's local default secret key (its README): the key the launcher's system runs with. */
    static final String LOCAL_API_KEY = "sk_test_kassa";

    private final KassaClient http = new KassaClient();
    private final String faultsUrl;
    private final long previousMs;
    private final Thread restoreOnExit = new Thread(this::restore, "kassa-bench-restore-psp-latency");
    private boolean restored;

    private PspLatencySwitch(String faultsUrl, long previousMs) {
        this.faultsUrl = faultsUrl;
        this.previousMs = previousMs;
    }

    static PspLatencySwitch set(String pspUrl, long latencyMs) {
        String faultsUrl = pspUrl + "/admin/faults";
        KassaClient.Response current = expectOk(new KassaClient().send("GET", faultsUrl, auth(), null));
        PspLatencySwitch latency = new PspLatencySwitch(faultsUrl, current.body().path("latency_ms").asLong(0));
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
        expectOk(http.send("POST", faultsUrl, auth(), KassaClient.json(Map.of("latency_ms", latencyMs))));
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + LOCAL_API_KEY);
    }

    private static KassaClient.Response expectOk(KassaClient.Response response) {
        if (!response.isSuccess()) {
            throw new IllegalStateException("psp-mock /admin/faults answered " + response.status() + ": " + response.text());
        }
        return response;
    }
}
