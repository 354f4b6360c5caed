package dev.kassa.payment.support;

import dev.kassa.localstack.FreePort;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.localstack.process.ServiceJars;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.ServiceSpec;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.web.security.SecretKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The real PSP simulator (psp-mock-service) as a separate JVM from its built jar, once per test JVM,
 * with its own fresh database and its webhooks pointed at the payment-service under test. Its PSP API
 * ({@code /v1}) is called with the PSP API key, as payment-service calls it; its {@code /admin} switches
 * with the tests' operator key ({@link TestKeys#OPERATOR}), configured there by hash as in every service.
 */
public final class PspMock {

    public static final String API_KEY = "sk_test_kassa";
    public static final String WEBHOOK_SECRET = "whsec_test_kassa";

    private static final String OPERATOR = TestKeys.bearer(TestKeys.OPERATOR);

    private static PspMock shared;

    private final ServiceProcess process;
    private final RestClient http;
    private volatile boolean ready;

    private PspMock(ServiceProcess process) {
        this.process = process;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().baseUrl(process.baseUrl()).requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + API_KEY).build();
    }

    /**
     * Starts psp-mock-service on first use, its webhooks going to payment-service on {@code webhookPort}. It
     * boots while the Spring context does; {@link #awaitReady()} waits for it.
     */
    public static synchronized PspMock shared(int webhookPort) {
        if (shared == null) {
            String database = LocalStack.shared().freshDatabase("psp");
            int port = FreePort.pick();
            Map<String, String> properties = new LinkedHashMap<>();
            // its runtime role for the pool, its owner for Liquibase, as every service runs
            properties.putAll(LocalStackSpring.databaseProperties(database));
            // The local test secrets below are allowed only in the 'local' profile (LocalSecretsGuard).
            properties.put("spring.profiles.active", "local");
            properties.put("kassa.security.operators[0].name", "test-operator");
            properties.put("kassa.security.operators[0].roles", "OPERATOR");
            properties.put("kassa.security.operators[0].key-sha256", SecretKeys.sha256Hex(TestKeys.OPERATOR));
            properties.put("psp.auth.secret-key", API_KEY);
            properties.put("psp.webhooks.endpoints", "http://127.0.0.1:" + webhookPort + "/api/v1/webhooks/psp");
            properties.put("psp.webhooks.secrets", WEBHOOK_SECRET);
            // Quick redelivery, so that tests of a webhook outage do not wait long after it ends.
            properties.put("psp.webhooks.initial-backoff", "200ms");
            properties.put("psp.webhooks.max-backoff", "1s");
            properties.put("psp.outcomes.async-delay", "1s");
            properties.put("psp.outcomes.success-probability", "1.0");
            ServiceProcess process = ServiceProcess.start(ServiceSpec.of("psp-mock-service", privateCopyOfJar(), port,
                    properties, Path.of("target", "psp-mock-service.log")));
            shared = new PspMock(process);
        }
        return shared;
    }

    /**
     * Runs a copy of the jar: the module's own build may replace its jar while these tests run, and a JVM
     * whose jar is rewritten under it fails in odd ways.
     */
    private static Path privateCopyOfJar() {
        try {
            Path copy = Path.of("target", "psp-mock-service-under-test.jar").toAbsolutePath();
            Files.createDirectories(copy.getParent());
            Files.copy(ServiceJars.locate("psp-mock-service"), copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the psp-mock-service jar", e);
        }
    }

    /** Waits (once) until psp-mock-service reports UP. */
    public PspMock awaitReady() {
        if (!ready) {
            synchronized (this) {
                if (!ready) {
                    process.awaitHealthy(Duration.ofSeconds(180));
                    ready = true;
                }
            }
        }
        return this;
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** Changes fault switches, e.g. {@code faults("server_error_rate", 1.0)}. */
    public void faults(Object... nameValuePairs) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            changes.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        http.post().uri("/admin/faults").header("Authorization", OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .body(changes).retrieve().toBodilessEntity();
    }

    /** Back to the startup settings: every fault off. */
    public void resetFaults() {
        http.delete().uri("/admin/faults").header("Authorization", OPERATOR).retrieve().toBodilessEntity();
    }

    /**
     * Today's settlement rows (CSV lines without the header) that name {@code paymentOrderId}: the money the PSP moved.
     * The CSV file is the simulator's own feature, not Stripe's, so it is under {@code /admin}, with the operator key.
     */
    public List<String> settlementRows(String paymentOrderId) {
        String csv = http.get().uri("/admin/settlements/{date}", LocalDate.now(ZoneOffset.UTC))
                .header("Authorization", OPERATOR).retrieve().body(String.class);
        return Arrays.stream(csv == null ? new String[0] : csv.split("\r?\n"))
                .filter(line -> line.contains("," + paymentOrderId + ","))
                .toList();
    }

    /** The events of {@code type} the PSP recorded (Stripe's Event objects), newest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> events(String type) {
        Map<String, Object> page = http.get().uri("/v1/events?type={type}&limit=100", type)
                .header("Stripe-Version", PspClient.STRIPE_VERSION).retrieve().body(Map.class);
        return page == null ? List.of() : (List<Map<String, Object>>) page.get("data");
    }

    /** The PSP's operator switch that decides a dispute at once ({@code won} or {@code lost}). */
    public void decideDispute(String disputeId, String outcome) {
        http.post().uri("/admin/disputes/{id}/decide", disputeId).header("Authorization", OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("outcome", outcome)).retrieve().toBodilessEntity();
    }

    /** The PSP's operator switch that opens a dispute of a succeeded charge's whole amount; its id ({@code dp_...}). */
    @SuppressWarnings("unchecked")
    public String openDispute(String paymentIntentId) {
        Map<String, Object> dispute = http.post().uri("/admin/disputes").header("Authorization", OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("payment_intent", paymentIntentId))
                .retrieve().body(Map.class);
        return (String) dispute.get("id");
    }

    /** The intent as the PSP has it (Stripe's PaymentIntent). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> intent(String id) {
        return http.get().uri("/v1/payment_intents/{id}", id).header("Stripe-Version", PspClient.STRIPE_VERSION)
                .retrieve().body(Map.class);
    }
}
