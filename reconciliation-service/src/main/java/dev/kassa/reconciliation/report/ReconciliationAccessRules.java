package dev.kassa.reconciliation.report;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the reconciliation API (docs/architecture.md §11): every operator role reads the reports and their
 * CSV exports; only FINANCE, who owns the reconciliation of the money, starts a run. An OPERATOR runs the platform
 * but does not reconcile it. Any other method falls through to the web module's deny-all.
 */
@Component
class ReconciliationAccessRules implements KassaAccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, ReconciliationController.PATH, ReconciliationController.PATH + "/**")
                .hasAnyRole(KassaRole.OPERATORS)
                .requestMatchers(HttpMethod.POST, ReconciliationController.PATH).hasRole(KassaRole.FINANCE.name());
    }
}
