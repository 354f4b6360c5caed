package dev.kassa.pspmock.auth;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call what (docs/architecture.md §11): the PSP API only with the PSP's own key; the simulator's switches
 * (faults, outcomes, settlement discrepancies) are read by every operator role and changed by OPERATOR only. The
 * web module opens health, gives the other actuator endpoints to operators and refuses everything else.
 */
@Component
class PspAccessRules implements KassaAccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/v1/**").hasRole(KassaRole.MERCHANT.name())
                .requestMatchers(HttpMethod.GET, "/admin/**").hasAnyRole(KassaRole.OPERATORS)
                .requestMatchers(HttpMethod.HEAD, "/admin/**").hasAnyRole(KassaRole.OPERATORS)
                // POST and DELETE change a switch; any other method is OPERATOR's too (and then 405) rather than
                // the web module's deny-all, which answers 403 even to a caller that sent no key at all.
                .requestMatchers("/admin/**").hasRole(KassaRole.OPERATOR.name());
    }
}
