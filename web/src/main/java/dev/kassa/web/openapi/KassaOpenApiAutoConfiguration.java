package dev.kassa.web.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kassa.web.ProblemType;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every service's OpenAPI document shares (docs/architecture.md §16): its title and fixed server address, the
 * bearer security scheme, the house problem detail as a schema, the refusals any endpoint can answer (the web
 * module's filters and handlers answer them for every endpoint, so each is documented once, here), and snake_case
 * property names (springdoc reads models with Jackson 2, which does not see Boot's Jackson 3 naming settings).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(KassaApiProperties.class)
public class KassaOpenApiAutoConfiguration {

    public static final String BEARER = "bearer";
    public static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI kassaOpenApi(KassaApiProperties properties, Environment environment) {
        String title = properties.title() != null ? properties.title()
                : environment.getProperty("spring.application.name", "Kassa service");
        OpenAPI api = new OpenAPI()
                .info(new Info().title(title).version(properties.version()).description(properties.description()))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("`Authorization: Bearer <key>`: a merchant's secret key (`sk_…`), an"
                                        + " operator's key (`opk_…`) or, where an OIDC issuer is configured, an"
                                        + " operator's JWT. Each operation says which callers and roles it accepts;"
                                        + " docs/architecture.md §11 has the whole model.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
        if (properties.serverUrl() != null) {
            api.servers(List.of(new Server().url(properties.serverUrl())));
        }
        return api;
    }

    /**
     * The house's property names. A converter bean of springdoc's is tried before its defaults, so this resolver
     * reads every model; {@code @JsonProperty} still names a property itself.
     */
    @Bean
    ModelResolver kassaSnakeCaseModels() {
        return new ModelResolver(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    OpenApiCustomizer kassaNullableReferences() {
        return new NullableReferences();
    }

    @Bean
    OpenApiCustomizer kassaRequiredResponseProperties() {
        return new RequiredResponseProperties();
    }

    /** Off where the service speaks another error dialect (psp-mock: Stripe's), as the advice itself is. */
    @Bean
    @ConditionalOnBooleanProperty(name = "kassa.web.problem-details", matchIfMissing = true)
    OpenApiCustomizer kassaProblemResponses() {
        return api -> {
            // Here rather than in the OpenAPI bean: springdoc drops the bean's schemas no operation refers to yet.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperations()
                    .forEach(operation -> addRefusals(path, operation)));
        };
    }

    private static void addRefusals(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        add(responses, ProblemType.INVALID_REQUEST, "A field, parameter or the body is missing, malformed or out of"
                + " range; `errors` names each");
        if (!open) {
            add(responses, ProblemType.UNAUTHENTICATED, "No credentials, or a key or token that is unknown, revoked or"
                    + " expired");
            add(responses, ProblemType.FORBIDDEN, "The caller's role does not allow this request");
        }
        if (path.contains("{")) {
            add(responses, ProblemType.NOT_FOUND, "Nothing with this id (or it belongs to another merchant)");
        }
        if (operation.getRequestBody() != null) {
            add(responses, ProblemType.BODY_TOO_LARGE, "The body is larger than `kassa.web.max-body-bytes`");
            responses.computeIfAbsent("415", status -> problem("The body is not JSON (`Content-Type`)"));
        }
        add(responses, ProblemType.RATE_LIMITED, "Too many requests with this key, or too many failed"
                + " authentications from this address; wait `Retry-After` seconds");
        add(responses, ProblemType.INTERNAL_ERROR, "A fault of the service; the answer reveals nothing else");
        add(responses, ProblemType.TEMPORARILY_UNAVAILABLE, "The database or broker did not answer in time, or the"
                + " instance is at its concurrency limit; the same request may be sent again");
    }

    private static void add(ApiResponses responses, ProblemType type, String description) {
        responses.computeIfAbsent(String.valueOf(type.status().value()),
                status -> problem(description + " (`" + type.uri() + "`)."));
    }

    /** A problem-detail response: also for an operation's own refusals (409, 422), from its annotations. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field as the client wrote it"
                        + " (`payment_orders[0].amount`), a query parameter, or `body`"))
                .addProperty("reason", new StringSchema().description("Why it was refused"))
                .required(List.of("field", "reason"));
        violation.setAdditionalProperties(false);
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem detail. `type` is one of the URIs listed in docs/errors.md; it is"
                        + " absent, which RFC 9457 reads as `about:blank`, on Spring MVC's own refusals of a request it"
                        + " cannot route (405, 406, 415), whose meaning is the status itself. A client acts on `type`"
                        + " and `status`, and shows `detail` to a person.")
                .addProperty("type", new StringSchema().format("uri").example(ProblemType.INVALID_REQUEST.uri()))
                .addProperty("title", new StringSchema().example(ProblemType.INVALID_REQUEST.title()))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("amount: must be greater than 0"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/payments"))
                .addProperty("errors", new ArraySchema().items(violation)
                        .description("Input errors, one per field (400 and 404 answers)"))
                .required(List.of("title", "status"));
        problem.setExample(Map.of("type", ProblemType.INVALID_REQUEST.uri().toString(),
                "title", ProblemType.INVALID_REQUEST.title(), "status", 400,
                "detail", "amount: must be greater than 0", "instance", "/api/v1/payments",
                "errors", List.of(Map.of("field", "amount", "reason", "must be greater than 0"))));
        return problem;
    }
}
