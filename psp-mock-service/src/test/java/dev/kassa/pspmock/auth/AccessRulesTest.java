package dev.kassa.pspmock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, over real HTTP against the running service: nothing without a key, the PSP key only the
 * API, operators only the switches (changes by OPERATOR only), and no path trick past the rules.
 */
class AccessRulesTest extends PspIntegrationTest {

    /** Every method but TRACE, which Tomcat refuses (405) before any filter runs. */
    private static final Set<RequestMethod> METHODS = EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE));

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedEndpointRefusesAnAnonymousCallerWith401InTheApisErrorShape() {
        Map<String, Set<RequestMethod>> paths = mappedPaths();
        assertThat(paths).containsKeys("/v1/payment_intents", "/admin/faults", "/admin/settlements/{date}/add-row",
                "/actuator/prometheus");

        List<String> notRefused = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, Set<RequestMethod>> mapped : paths.entrySet()) {
            String path = mapped.getKey();
            if (path.startsWith("/actuator/health") || path.equals("/error") || path.startsWith("/v3/api-docs")
                    || path.startsWith("/swagger-ui")) {
                // Open by design (web module): health for load balancers, /error for error dispatches, and the API
                // contract (the OpenAPI document and its rendered reference), read before anyone holds a key.
                continue;
            }
            for (RequestMethod method : METHODS) {
                calls++;
                // A method the path does not serve is refused before any routing, outside what the contract describes.
                PspApi client = mapped.getValue().contains(method) ? api : api.outsideTheApi();
                Response response = client.send(api.unauthorized(concrete(path))
                        .method(method.name(), HttpRequest.BodyPublishers.ofString("{}")), "{}");
                if (!refusedForMissingKey(response, method)) {
                    notRefused.add(method + " " + path + " -> " + response);
                }
            }
        }
        assertThat(notRefused).isEmpty();
        assertThat(calls).isGreaterThan(50);
    }

    @Test
    void pathTricksDoNotReachTheFaultSwitches() {
        admin.faults("{\"latency_ms\": 1, \"webhook_outage\": true}");
        JsonNode before = admin.get("/admin/faults").json();

        PspApi tricks = api.outsideTheApi(); // URLs the API does not have, refused by the firewall or the rules
        for (String path : List.of("/admin;x=1/faults", "/%61dmin/faults", "/admin/faults;x=1", "/admin/%66aults")) {
            HttpRequest.Builder change = api.unauthorized(path)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"unavailable_rate\": 1}"));
            HttpRequest.Builder reset = api.unauthorized(path).DELETE();

            assertThat(tricks.send(change).status()).as("anonymous POST %s", path).isIn(400, 401);
            assertThat(tricks.send(reset).status()).as("anonymous DELETE %s", path).isIn(400, 401);
            String pspKey = TestKeys.bearer(PspApi.SECRET_KEY);
            assertThat(tricks.send(change.header("Authorization", pspKey)).status())
                    .as("POST %s with the PSP key", path).isIn(400, 403);
            assertThat(tricks.send(reset.header("Authorization", pspKey)).status())
                    .as("DELETE %s with the PSP key", path).isIn(400, 403);
        }

        assertThat(admin.get("/admin/faults").json()).isEqualTo(before);
        assertThat(api.createIntent(100, "EUR", "tok_visa").status()).isEqualTo(200);
    }

    /** (An encoded slash, %2f, is refused by Tomcat itself, before any filter.) */
    @Test
    void aUrlTheFirewallRejectsIsA400InTheApisErrorShape() {
        for (String path : List.of("/v1/events;x=1", "/v1;x=1/events", "/v1/events/%2e%2e/events", "/v1/%2e/events")) {
            Response response = api.outsideTheApi().get(path); // no path of the API: the firewall's refusal

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
            assertThat(response.errorCode()).isEqualTo("request_url_rejected");
        }
    }

    @Test
    void thePspKeyCannotTouchTheSwitches() {
        forbidden(api.get("/admin/faults"));
        forbidden(api.post("/admin/faults", null, "{\"unavailable_rate\": 1}"));
        forbidden(api.delete("/admin/outcomes"));
        forbidden(api.get("/admin/settlements/2024-01-01/discrepancies"));
        assertThat(admin.get("/admin/faults").json().path("unavailable_rate").doubleValue()).isZero();
    }

    @Test
    void operatorKeysCannotCallThePspApi() {
        for (String key : new String[] {TestKeys.OPERATOR, TestKeys.FINANCE, TestKeys.VIEWER}) {
            forbidden(api.as(key).get("/v1/events"));
            forbidden(api.as(key).createIntent(100, "EUR", "tok_visa"));
        }
    }

    @Test
    void everyOperatorRoleReadsTheSwitchesAndOnlyTheOperatorChangesThem() {
        for (String key : new String[] {TestKeys.OPERATOR, TestKeys.FINANCE, TestKeys.VIEWER}) {
            assertThat(api.as(key).get("/admin/faults").status()).isEqualTo(200);
            // HEAD is GET without a body (Spring MVC's), not an operation of the document.
            assertThat(api.outsideTheApi().send(api.unauthorized("/admin/faults")
                    .header("Authorization", TestKeys.bearer(key))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(200);
            assertThat(api.as(key).get("/admin/outcomes").status()).isEqualTo(200);
            assertThat(api.as(key).get("/admin/settlements/2024-01-01/discrepancies").status()).isEqualTo(200);
        }
        for (String key : new String[] {TestKeys.FINANCE, TestKeys.VIEWER}) {
            PspApi reader = api.as(key);
            forbidden(reader.post("/admin/faults", null, "{\"unavailable_rate\": 1}"));
            forbidden(reader.delete("/admin/faults"));
            forbidden(reader.post("/admin/outcomes", null, "{\"success_probability\": 0}"));
            forbidden(reader.post("/admin/settlements/2024-01-01/add-row", null, ""));
        }
        assertThat(admin.get("/admin/faults").json().path("unavailable_rate").doubleValue()).isZero();
        assertThat(admin.post("/admin/faults", null, "{\"latency_ms\": 1}").status()).isEqualTo(200);
    }

    @Test
    void aPathNoRuleDeclaresIsRefusedToEveryKey() {
        PspApi outside = api.outsideTheApi(); // a path the API does not have, refused by the rules' deny-all
        for (String key : new String[] {PspApi.SECRET_KEY, TestKeys.OPERATOR}) {
            forbidden(outside.as(key).get("/internal/state"));
        }
        Response anonymous = outside.send(api.unauthorized("/internal/state").GET());
        assertThat(anonymous.status()).isIn(401, 403);
        assertThat(anonymous.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
    }

    private static void forbidden(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(response.errorCode()).isEqualTo("forbidden");
    }

    /**
     * Every path of every handler mapping (the API's, the switches', Boot's error page, the actuator's, springdoc's),
     * with the methods it is mapped to (none named: every method).
     */
    private Map<String, Set<RequestMethod>> mappedPaths() {
        Map<String, Set<RequestMethod>> paths = new TreeMap<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(path -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    paths.computeIfAbsent(path, p -> EnumSet.noneOf(RequestMethod.class))
                            .addAll(methods.isEmpty() ? METHODS : methods);
                })));
        return paths;
    }

    /** A path with its variables filled in ({date} with a date, so that no refusal comes from parsing it). */
    private static String concrete(String pattern) {
        return pattern.replace("{date}", "2024-01-01").replaceAll("\\{\\*?[^}]+}", "x");
    }

    private static boolean refusedForMissingKey(Response response, RequestMethod method) {
        if (response.status() != 401 || !"Bearer".equals(response.headers().firstValue("WWW-Authenticate").orElse(""))) {
            return false;
        }
        if (method == RequestMethod.HEAD) {
            return true; // no body to look at
        }
        JsonNode error = response.json().path("error");
        return "invalid_request_error".equals(error.path("type").stringValue(null))
                && "api_key_missing".equals(error.path("code").stringValue(null))
                && error.has("message") && error.has("param");
    }
}
