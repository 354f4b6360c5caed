package dev.kassa.testfixtures.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A service's committed OpenAPI document ({@code docs/api/<service>.json}) as the referee of its tests: every
 * response a test receives must be one the document describes (status, content type, body schema, and no field
 * the document does not name), and every request the service accepted (2xx) must be one the document allows. A
 * deliberately wrong request is the test's business, so a refused request is not checked, but the refusal's
 * problem detail is.
 *
 * <p>The validator (swagger-request-validator) checks schemas by OpenAPI 3.0's rules only; it reads a 3.1 document but
 * then checks little of it. {@link OpenApi30View} gives it the same document in 3.0's words.
 *
 * <p>Adapters for each way the tests talk HTTP: {@link ContractInterceptor} (RestClient, RestTestClient),
 * {@link ContractResultHandler} (MockMvc) and {@link #check(Exchange)} for {@code java.net.http}.
 */
public final class ApiContract {

    /** Spring Boot's own endpoints and the contract itself: served by every service, not part of its API. */
    private static final List<String> NOT_API = List.of("/actuator", "/v3/api-docs", "/swagger-ui");
    /** The validator's keys for "no such path" and "no such method here": a route test expects them. */
    private static final Set<String> UNKNOWN_ROUTE = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static final Set<Integer> UNKNOWN_ROUTE_REFUSALS = Set.of(400, 401, 403, 404, 405);

    private static final Map<String, ApiContract> CONTRACTS = new ConcurrentHashMap<>();

    private final String service;
    private final Supplier<String> document;
    private volatile OpenApiInteractionValidator validator;

    private ApiContract(String service, Supplier<String> document) {
        this.service = service;
        this.document = document;
    }

    /**
     * The contract of {@code service} (payment-service, wallet-service, …), read once per JVM when first used (so
     * that the test writing the document can run before there is one).
     */
    public static ApiContract of(String service) {
        return CONTRACTS.computeIfAbsent(service, name -> new ApiContract(name, () -> read(document(name))));
    }

    /** A contract of a document given as text (tests of the contract itself). */
    public static ApiContract ofDocument(String service, String document) {
        return new ApiContract(service, () -> document);
    }

    private OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                            OpenApi30View.of(document.get()))
                    // Off by default in the validator: a field the document does not name must fail the test.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                            // The house rule (docs/errors.md): a query parameter an endpoint does not know is ignored.
                            .withLevel("validation.request.parameter.query.unexpected",
                                    ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return validator;
    }

    /** {@code docs/api/<service>.json} of the repository the tests run in. */
    public static Path document(String service) {
        return repositoryRoot().resolve("docs/api").resolve(service + ".json");
    }

    public String service() {
        return service;
    }

    /**
     * @throws AssertionError naming each difference between the exchange and the document
     */
    public void check(Exchange exchange) {
        if (NOT_API.stream().anyMatch(exchange.path()::startsWith)) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
            response.withBody(exchange.responseBody());
        }
        Request.Method method = Request.Method.valueOf(exchange.method());
        ValidationReport report = validator().validateResponse(exchange.path(), method, response.build());
        boolean unknownRoute = report.getMessages().stream().anyMatch(m -> UNKNOWN_ROUTE.contains(m.getKey()));
        if (unknownRoute && UNKNOWN_ROUTE_REFUSALS.contains(exchange.status())) {
            return; // a route the service does not have, refused as such (the firewall and deny-all answer first)
        }
        if (exchange.status() / 100 == 2) {
            report = report.merge(validator().validateRequest(request(exchange, method)));
        }
        if (report.hasErrors()) {
            throw new AssertionError(exchange.method() + " " + exchange.path() + " answered " + exchange.status()
                    + ", which docs/api/" + service + ".json does not describe:\n"
                    + report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "  - " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\nresponse body: " + exchange.responseBody()
                    + "\n(If the code is right, document it: the service's ApiDocumentTest rewrites the committed"
                    + " document with -Dkassa.api-docs.write=true.)");
        }
    }

    /** {@link #check(Exchange)} for a {@code java.net.http} exchange; {@code requestBody} as sent, or null. */
    public <T> HttpResponse<T> check(HttpRequest request, String requestBody, HttpResponse<T> response) {
        Object body = response.body();
        check(Exchange.of(request.method(), request.uri(), request.headers().map(), requestBody,
                response.statusCode(), response.headers().map(), body == null ? null : body.toString()));
        return response;
    }

    private static SimpleRequest request(Exchange exchange, Request.Method method) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        exchange.query().forEach(request::withQueryParam);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static String read(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("no API document at " + document + ": run the service's ApiDocumentTest"
                    + " with -Dkassa.api-docs.write=true", e);
        }
    }

    /** The first directory upwards from the working directory that holds docs/architecture.md. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/architecture.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Kassa repository: no docs/architecture.md above "
                + Path.of("").toAbsolutePath());
    }
}
