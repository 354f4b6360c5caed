package dev.kassa.web.security;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.KassaProblemHandler;
import dev.kassa.web.ProblemType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call every Kassa service, on by dependency (docs/architecture.md §11): stateless bearer
 * authentication (operator keys, the service's own {@link BearerKeys}, and JWTs where an OIDC issuer is
 * configured), the services' {@link KassaAccessRules} ending in deny-all, rate limits, and 401/403/429 answers
 * in the house style. Spring Security's firewall rejects the path tricks ({@code ;x=1}, {@code %2e}, encoded
 * slashes) that a hand-written prefix check would let through.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(KassaSecurityProperties.class)
public class KassaSecurityAutoConfiguration {

    /**
     * Paths anyone may call: health (UP or DOWN, details only for operators), Boot's error dispatch, and the API
     * contract (the OpenAPI document and its rendered reference: what a frontend developer reads before holding a key).
     */
    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/error",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    /** Before the security chain, so that a refusal carries the request id too. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> kassaRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the request id, before the security chain: a request that waits its longest costs nothing more. */
    @Bean
    @ConditionalOnBooleanProperty(name = "kassa.security.concurrency.enabled", matchIfMissing = true)
    FilterRegistrationBean<ConcurrencyLimitFilter> kassaConcurrencyLimitFilter(KassaSecurityProperties properties,
                                                                               RefusalWriter writer) {
        FilterRegistrationBean<ConcurrencyLimitFilter> registration = new FilterRegistrationBean<>(
                new ConcurrencyLimitFilter(properties.concurrency(), writer));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * No observation (metrics and tracing spans) around each security filter, authentication and authorization:
     * by default Spring Security wraps every filter of the chain in one, which cost the checkout path more than the
     * checks themselves; the request's own observation (Tomcat, Spring MVC) stays.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings kassaSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    OperatorKeys kassaOperatorKeys(KassaSecurityProperties properties) {
        return new OperatorKeys(properties.operators());
    }

    /** Wallet and ledger: merchants' keys, verified by payment-service, where its URL is configured. */
    @Bean
    @ConditionalOnProperty(name = "kassa.security.merchant-keys.verify-url")
    RemoteMerchantKeys kassaRemoteMerchantKeys(KassaSecurityProperties properties) {
        return new RemoteMerchantKeys(properties.merchantKeys());
    }

    @Bean
    RateLimits kassaRateLimits(KassaSecurityProperties properties) {
        return new RateLimits(properties.rateLimit());
    }

    /** Every credential Kassa accepts, in one manager; a service adds kinds of keys as {@link BearerKeys} beans. */
    @Bean
    @ConditionalOnMissingBean
    AuthenticationManager kassaAuthenticationManager(List<BearerKeys> keys, ObjectProvider<JwtDecoder> jwtDecoder,
                                                     KassaSecurityProperties properties) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new BearerKeyAuthenticationProvider(keys));
        jwtDecoder.ifAvailable(decoder -> {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(new KassaJwtRoles(properties.jwt()));
            providers.add(jwt);
        });
        return new ProviderManager(providers);
    }

    @Bean
    @ConditionalOnMissingBean
    RefusalWriter kassaRefusalWriter(JsonMapper json) {
        return (request, response, refusal, detail) -> {
            ProblemType type = switch (refusal) {
                case UNAUTHENTICATED -> ProblemType.UNAUTHENTICATED;
                case FORBIDDEN -> ProblemType.FORBIDDEN;
                case RATE_LIMITED -> ProblemType.RATE_LIMITED;
                case OVERLOADED -> ProblemType.TEMPORARILY_UNAVAILABLE;
            };
            KassaProblem problem = new KassaProblem(type, detail);
            problem.getBody().setInstance(KassaProblemHandler.instance(request));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem.getBody());
        };
    }

    /** Spring Security's firewall refusals (a {@code ;} or an encoded slash or dot in the path) as house 400s. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler kassaRequestRejectedHandler(JsonMapper json) {
        return (request, response, rejected) -> {
            KassaProblem problem = KassaProblem.invalid("path", "is not a plain URL path (';', encoded '/', '.' or '%')");
            problem.getBody().setInstance(KassaProblemHandler.instance(request));
            response.setStatus(problem.getStatusCode().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem.getBody());
        };
    }

    @Bean
    SecurityFilterChain kassaSecurityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                                 List<KassaAccessRules> accessRules, RefusalWriter writer,
                                                 RateLimits rateLimits) throws Exception {
        SecurityResponses responses = new SecurityResponses(writer, rateLimits);
        http.csrf(csrf -> csrf.disable()) // bearer credentials only: no cookie a foreign page could make a browser send
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> authenticationManager)
                        .authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses)
                        .withObjectPostProcessor(failuresToTheEntryPoint(responses)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(responses)
                        .accessDeniedHandler(responses))
                .addFilterBefore(new RateLimitFilter.FailedAuthentications(rateLimits, responses),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter.PerKey(rateLimits, responses), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(OPEN).permitAll();
                    rules.requestMatchers("/actuator/**").hasAnyRole(KassaRole.OPERATORS);
                    accessRules.forEach(service -> service.configure(rules));
                    // Deny-all that first asks who is calling: without credentials it is a 401, as everywhere else.
                    rules.anyRequest().access((authentication, context) -> {
                        authentication.get();
                        return new AuthorizationDecision(false);
                    });
                });
        return http.build();
    }

    /**
     * Every failed bearer authentication goes to {@link SecurityResponses}, including the "could not be checked" kind
     * (payment-service or a JWT issuer out of reach) that Spring Security would otherwise rethrow as a 500.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failuresToTheEntryPoint(
            SecurityResponses responses) {
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(responses);
        failures.setRethrowAuthenticationServiceException(false);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }
}
