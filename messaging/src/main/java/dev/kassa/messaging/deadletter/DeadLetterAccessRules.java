package dev.kassa.messaging.deadletter;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Every operator role may look at dead letters; only an OPERATOR replays them (docs/architecture.md §11). */
public class DeadLetterAccessRules implements KassaAccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, DeadLetterController.PATH, DeadLetterController.PATH + "/**")
                .hasAnyRole(KassaRole.OPERATORS)
                .requestMatchers(HttpMethod.POST, DeadLetterController.PATH + "/replay")
                .hasRole(KassaRole.OPERATOR.name());
    }
}
