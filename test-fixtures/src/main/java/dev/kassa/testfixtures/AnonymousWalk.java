package dev.kassa.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.MappedEndpoints.Endpoint;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Nothing open by omission (docs/architecture.md §11): calls every endpoint a running service maps, with every
 * method, without credentials, and expects a 401 problem detail with a Bearer challenge; health answers anyone,
 * without details, and the API contract (OpenAPI document and reference) to anyone. The endpoints come from Spring
 * MVC, so a new one is checked without being named.
 */
public final class AnonymousWalk {

    private AnonymousWalk() {
    }

    /**
     * @param values a plausible value per path variable name ({@link MappedEndpoints#of})
     * @return the endpoints walked, for the caller to check the walk met its own
     */
    public static List<Endpoint> everyEndpointRefusesAnonymousCallers(ApplicationContext context, KeyedHttp http,
                                                                       Map<String, String> values) {
        List<Endpoint> endpoints = MappedEndpoints.of(context, values);
        SoftAssertions soft = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.path().equals("/error")) {
                continue; // Boot's error dispatch, which the web module keeps open so that errors can be rendered
            }
            if (endpoint.path().startsWith("/v3/api-docs") || endpoint.path().startsWith("/swagger-ui")) {
                // The API contract and its rendered reference, open to anyone by design (springdoc's endpoints).
                soft.assertThat(http.send("GET", endpoint.path(), null, null).statusCode()).as(endpoint + " is open")
                        .isIn(200, 302);
                continue;
            }
            boolean withBody = endpoint.method() != RequestMethod.GET && endpoint.method() != RequestMethod.DELETE;
            HttpResponse<String> response = http.send(endpoint.method().name(), endpoint.path(), null,
                    withBody ? "{}" : null);
            if (endpoint.path().startsWith("/actuator/health")) {
                soft.assertThat(response.statusCode()).as(endpoint + " answers").isIn(200, 404);
                soft.assertThat(response.body()).as(endpoint + " without details")
                        .doesNotContain("components", "details");
            } else {
                soft.assertThat(response.statusCode()).as(endpoint + " answers").isEqualTo(401);
                soft.assertThat(response.headers().firstValue("Content-Type")).as(endpoint + " content type")
                        .hasValue("application/problem+json");
                soft.assertThat(response.body()).as(endpoint + " problem")
                        .contains("\"type\":\"https://kassa.dev/problems/unauthenticated\"");
                soft.assertThat(response.headers().firstValue("WWW-Authenticate")).as(endpoint + " challenge")
                        .hasValue("Bearer");
            }
        }
        soft.assertAll();
        return endpoints;
    }

    /** Health tells anyone UP or DOWN, and every operator role its components (the database and Kafka). */
    public static void healthShowsItsComponentsToOperatorsOnly(KeyedHttp http) {
        HttpResponse<String> anonymous = http.send("GET", "/actuator/health", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");

        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            HttpResponse<String> operator = http.send("GET", "/actuator/health", key, null);
            assertThat(operator.statusCode()).isEqualTo(200);
            assertThat(operator.body()).contains("\"components\"", "\"db\"", "\"kafka\"");
        }
    }
}
