package dev.kassa.console.api;

import dev.kassa.console.ConsoleProperties;
import dev.kassa.console.signin.SignedInOperator;
import dev.kassa.web.FieldViolation;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five services' APIs, called with the signed-in operator's own key: the services decide what this operator may
 * read and do, and their audit trail names the operator, not the console. Answers are read as JSON maps and lists
 * (snake_case, as the APIs document them) and rendered as they are; a refusal or failure becomes a
 * {@link ServiceProblem} carrying the service's own problem detail and the fields it refused.
 */
@Component
public class KassaApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() { };

    private final Map<Backend, RestClient> clients = new EnumMap<>(Backend.class);
    private final JsonMapper json;

    public KassaApi(ConsoleProperties properties, JsonMapper json) {
        this.json = json;
        // Connecting is bounded too: a service behind a dropped route must not hold a page (and its thread) forever.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        for (Backend backend : Backend.values()) {
            clients.put(backend, RestClient.builder()
                    .baseUrl(backend.baseUrl(properties.services()).toString())
                    .requestFactory(requests)
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                        throw problem(backend, response.getStatusCode().value(), response.getBody().readAllBytes());
                    })
                    .build());
        }
    }

    /**
     * An object at {@code path} (a URI template: {@code {name}} is filled, encoded, from {@code variables}), with the
     * query parameters that have a value.
     */
    public Map<String, Object> get(Backend backend, String path, Map<String, ?> query, Object... variables) {
        return call(backend, () -> request(backend, HttpMethod.GET, path, query, variables).retrieve().body(OBJECT));
    }

    /** A JSON array answer. */
    public List<Map<String, Object>> list(Backend backend, String path, Map<String, ?> query, Object... variables) {
        return call(backend, () -> request(backend, HttpMethod.GET, path, query, variables).retrieve().body(LIST));
    }

    /** A plain array of strings (dead-letter topic names). */
    public List<String> strings(Backend backend, String path) {
        return call(backend, () -> request(backend, HttpMethod.GET, path, Map.of()).retrieve().body(STRINGS));
    }

    /** A file the service serves as it is (a reconciliation CSV). */
    public byte[] bytes(Backend backend, String path, Object... variables) {
        return call(backend, () -> request(backend, HttpMethod.GET, path, Map.of(), variables).retrieve()
                .body(byte[].class));
    }

    /** Performs an action; the answer is the changed or created object. */
    public Map<String, Object> post(Backend backend, String path, Object body, Object... variables) {
        return call(backend, () -> request(backend, HttpMethod.POST, path, Map.of(), variables)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT));
    }

    public void delete(Backend backend, String path, Object... variables) {
        call(backend, () -> request(backend, HttpMethod.DELETE, path, Map.of(), variables).retrieve()
                .toBodilessEntity());
    }

    /**
     * What {@code part} reads, or empty when its service refused or did not answer: for the parts of a page that are
     * better left out than the whole page (one service down leaves the rest of the overview readable).
     */
    public static <T> Optional<T> optional(Supplier<T> part) {
        try {
            return Optional.ofNullable(part.get());
        } catch (ServiceProblem leftOut) {
            return Optional.empty();
        }
    }

    private RestClient.RequestBodySpec request(Backend backend, HttpMethod method, String path, Map<String, ?> query,
                                               Object... variables) {
        return clients.get(backend).method(method)
                .uri(uri -> {
                    // Query values are variables too, filled after the path's in order: what an operator typed is
                    // encoded as a value, never read as part of a template.
                    List<Object> values = new ArrayList<>(Arrays.asList(variables));
                    uri.path(path);
                    query.forEach((name, value) -> {
                        if (value != null && !value.toString().isBlank()) {
                            uri.queryParam(name, "{q" + values.size() + "}");
                            values.add(value.toString().strip());
                        }
                    });
                    return uri.build(values.toArray());
                })
                .headers(headers -> headers.setBearerAuth(SignedInOperator.current().key()));
    }

    private <T> T call(Backend backend, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new ServiceProblem(backend, 503, "Not answering",
                    backend.displayName() + " did not answer (" + e.getMostSpecificCause().getMessage() + ")");
        }
    }

    private ServiceProblem problem(Backend backend, int status, byte[] body) {
        String title = "HTTP " + status;
        String detail = new String(body, StandardCharsets.UTF_8);
        List<FieldViolation> errors = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            title = Objects.requireNonNullElse(problem.path("title").asString(null), title);
            detail = Objects.requireNonNullElse(problem.path("detail").asString(null), detail);
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asString(null);
                if (field != null) {
                    errors.add(new FieldViolation(field, error.path("reason").asString("")));
                }
            }
        } catch (RuntimeException notJson) {
            // not a problem detail (a proxy's page, say): its text is shown as it is
        }
        return new ServiceProblem(backend, status, title, detail, errors);
    }
}
