package dev.kassa.systemtests.support;

import dev.kassa.client.ExchangeListener;
import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.Exchange;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every exchange of the end-to-end tests with a Kassa service, checked against that service's committed OpenAPI
 * document (docs/api/, docs/architecture.md §16): the launcher's HTTP client and kassa-client both report each one
 * here. An exchange with anything else (the console's pages) is not checked.
 */
final class ContractChecks implements KassaClient.Observer, ExchangeListener {

    private final Map<String, ApiContract> byBaseUrl = new LinkedHashMap<>();
    private final AtomicLong checked = new AtomicLong();

    ContractChecks(KassaSystem system) {
        for (KassaService service : KassaService.values()) {
            byBaseUrl.put(system.url(service), ApiContract.of(service.module()));
        }
    }

    @Override
    public void exchanged(HttpRequest request, String requestBody, HttpResponse<String> response) {
        ApiContract contract = contractOf(request);
        if (contract != null) {
            contract.check(request, requestBody, response);
            checked.incrementAndGet();
        }
    }

    @Override
    public void exchanged(HttpRequest request, byte[] requestBody, HttpResponse<byte[]> response) {
        ApiContract contract = contractOf(request);
        if (contract != null) {
            contract.check(Exchange.of(request.method(), request.uri(), request.headers().map(),
                    requestBody == null ? null : new String(requestBody, StandardCharsets.UTF_8),
                    response.statusCode(), response.headers().map(),
                    new String(response.body(), StandardCharsets.UTF_8)));
            checked.incrementAndGet();
        }
    }

    /** Exchanges checked so far (a test that they are checked at all, not silently passed by). */
    long checked() {
        return checked.get();
    }

    private ApiContract contractOf(HttpRequest request) {
        String url = request.uri().toString();
        return byBaseUrl.entrySet().stream().filter(e -> url.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
