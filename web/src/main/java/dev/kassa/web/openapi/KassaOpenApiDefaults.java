package dev.kassa.web.openapi;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * springdoc's settings for every service, as lowest-precedence defaults: OpenAPI 3.1, keys in a stable order and
 * pretty-printed (so that the committed {@code docs/api/<service>.json} diffs line by line), JSON as the media type
 * of endpoints that do not name one, and the rendered reference at {@code /swagger-ui.html} reading this service's
 * document only.
 */
public class KassaOpenApiDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "kassaOpenApiDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(
                    "springdoc.api-docs.version", "openapi_3_1",
                    "springdoc.writer-with-order-by-keys", "true",
                    "springdoc.writer-with-default-pretty-printer", "true",
                    "springdoc.default-produces-media-type", "application/json",
                    "springdoc.default-consumes-media-type", "application/json",
                    "springdoc.swagger-ui.disable-swagger-default-url", "true",
                    "springdoc.swagger-ui.try-it-out-enabled", "false")));
        }
    }
}
