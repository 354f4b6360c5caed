package dev.kassa.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.api.*}: what a service's OpenAPI document says about itself.
 *
 * @param title       the document's title (default: the application's name)
 * @param description what the API is for, in Markdown
 * @param version     the API's version, as in its paths
 * @param serverUrl   the address the document names; fixed rather than taken from the request, so that the document
 *                    is the same wherever it is generated (the committed copy is compared with the code's)
 */
@ConfigurationProperties("kassa.api")
public record KassaApiProperties(String title, @DefaultValue("") String description,
                                 @DefaultValue("v1") String version, String serverUrl) {
}
