package dev.kassa.console.api;

import java.util.Arrays;
import java.util.List;

/** Which services a page covers, and a service by the name a page's link carries. */
public final class Backends {

    private Backends() {
    }

    /** The services that consume topics and so have dead-letter topics (the simulated PSP consumes none). */
    public static List<Backend> consumers() {
        return List.of(Backend.PAYMENT, Backend.WALLET, Backend.LEDGER, Backend.RECONCILIATION);
    }

    /** The service called {@code name} ({@code wallet-service}); a name of no service is a 404 page. */
    public static Backend named(String name) {
        return Arrays.stream(Backend.values()).filter(backend -> backend.displayName().equals(name)).findFirst()
                .orElseThrow(() -> new ServiceProblem(Backend.PAYMENT, 404, "Not found",
                        "There is no service called " + name));
    }
}
