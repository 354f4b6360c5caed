package dev.kassa.payment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Nothing is open by omission: every endpoint the service maps, with every method it maps it for, refuses a caller
 * without credentials, except those open by design (health, the PSP webhook, which checks its signature instead, and
 * the API contract: its OpenAPI document and rendered reference). The list is read from Spring MVC, so a new endpoint
 * is checked without being named here.
 */
class AnonymousAccessTest extends PaymentServiceTestBase {

    private static final String WEBHOOK = "/api/v1/webhooks/psp";
    /** Boot's error page: open in every service (the web module), it renders the errors of the other endpoints. */
    private static final String ERROR_PAGE = "/error";
    private static final Set<RequestMethod> ANY_METHOD = EnumSet.of(RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedEndpointAnswers401WithoutCredentialsExceptTheSignedWebhook() {
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.equals(ERROR_PAGE)) {
                    continue;
                }
                if (pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")) {
                    // springdoc's endpoints: the API contract and its reference, open to anyone by design.
                    assertThat(anonymous.get(pattern).status()).as(pattern + " is open").isIn(200, 302);
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? ANY_METHOD : methods) {
                    String path = pattern.replaceAll("\\{[^}]+}", "x_1");
                    HttpApi.Response response = anonymous.request(method.name(), path, "{}", "application/json");
                    String call = method + " " + pattern;
                    assertThat(response.contentType()).as(call).startsWith("application/problem+json");
                    if (pattern.equals(WEBHOOK)) {
                        assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(400);
                        assertThat(response.json().path("type").asString()).endsWith("/invalid-webhook");
                    } else {
                        assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(401);
                        assertThat(response.json().path("type").asString()).endsWith("/unauthenticated");
                        assertThat(response.header("WWW-Authenticate")).as(call).contains("Bearer");
                    }
                    checked.add(call);
                }
            }
        }
        // Not vacuous: the walk met the service's own endpoints and the messaging library's.
        assertThat(checked).contains("POST /api/v1/payments", "GET /api/v1/payments/{checkout_id}",
                "GET /api/v1/payment-orders/{payment_order_id}", "POST /api/v1/payment-orders/{payment_order_id}/retry",
                "POST /api/v1/payment-orders/{payment_order_id}/refunds", "POST " + WEBHOOK,
                "GET /admin/webhooks/unmatched", "POST /admin/merchants", "GET /admin/merchants/{merchant_id}/keys",
                "DELETE /admin/merchants/{merchant_id}/keys/{key_id}", "GET /admin/audit", "GET /admin/dead-letters",
                "POST /admin/dead-letters/replay");
    }

    @Test
    void healthIsOpenWithoutDetailsAndTheOtherActuatorEndpointsAreNot() {
        HttpApi.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isIn(200, 503);
        assertThat(health.json().path("status").asString()).isIn("UP", "DOWN");
        assertThat(health.json().has("components")).as(health.body()).isFalse();
        assertThat(health.json().has("details")).as(health.body()).isFalse();
        // Nor can a component be asked for by name.
        assertThat(anonymous.get("/actuator/health/db").status()).isEqualTo(404);
        for (String path : List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
    }
}
