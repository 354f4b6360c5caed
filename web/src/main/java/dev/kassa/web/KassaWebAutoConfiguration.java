package dev.kassa.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    /**
     * Tomcat's own refusals (a NUL in the path: 400 before any filter runs) as problem details too. Ordered last, so
     * that it replaces the error report valve Spring Boot's Tomcat customizer adds to the host.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatProblemReports {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> kassaTomcatProblemReports(JsonMapper json) {
            return factory -> factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // By its class name, so that the host, when it starts, does not add its default HTML one as well.
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve(json));
            });
        }
    }
}
