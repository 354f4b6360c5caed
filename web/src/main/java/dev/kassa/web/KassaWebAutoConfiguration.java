package dev.kassa.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The house style of every Kassa HTTP API, on by dependency: the body-size limit on every endpoint, strict
 * reading of JSON request bodies ({@link StrictJsonRequests}) and one problem-details advice
 * ({@link KassaProblemHandler}). Before Spring Boot's MVC configuration, so that Boot's own problem-details
 * advice backs off in favour of this one.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(KassaWebProperties.class)
public class KassaWebAutoConfiguration {

    /** Runs first of all filters, so that nothing reads an oversized body. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> kassaBodySizeLimitFilter(KassaWebProperties properties,
                                                                          BodyTooLargeResponder responder) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodyBytes().toBytes(), responder));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The 413 as a house problem detail, written before Spring MVC is involved. */
    @Bean
    @ConditionalOnMissingBean
    BodyTooLargeResponder kassaBodyTooLargeResponder(JsonMapper json) {
        return (request, response, limitBytes) -> {
            KassaProblem problem = KassaProblem.bodyTooLarge(limitBytes);
            problem.getBody().setInstance(KassaProblemHandler.instance(request));
            response.setStatus(problem.getStatusCode().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem.getBody());
        };
    }

    @Bean
    ServerHttpMessageConvertersCustomizer kassaStrictJsonRequests(JsonMapper json) {
        return builder -> builder.configureMessageConvertersList(
                converters -> StrictJsonRequests.useStrictJsonConverter(converters, json));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kassa.web.problem-details", matchIfMissing = true)
    KassaProblemHandler kassaProblemHandler() {
        return new KassaProblemHandler();
    }
}
