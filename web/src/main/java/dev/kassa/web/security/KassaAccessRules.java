package dev.kassa.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One service's (or library's) share of the authorization rules: which role may call which of its endpoints.
 * The web module adds health (open) and the other actuator endpoints (operators), collects every bean of this
 * type in {@link org.springframework.core.annotation.Order} and ends with {@code denyAll}: an endpoint nobody
 * declared is refused to everyone, so a new controller cannot be open by omission.
 */
@FunctionalInterface
public interface KassaAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
