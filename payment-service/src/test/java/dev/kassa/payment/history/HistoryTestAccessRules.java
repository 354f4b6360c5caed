package dev.kassa.payment.history;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * TEST ONLY, until payment-service declares its own access rules (docs/architecture.md §11; the merchants and
 * keys work adds them): lets a request that carries {@value #HEADER} call payment-service's endpoints with an
 * operator key, so that {@link PaymentOrderHistoryTest} can create payments, retry them and read their histories,
 * and lets the PSP's signed webhooks in, as §11 does. Any other request meets the service's rules as they are, so
 * no other test sees a difference, in whichever order the rules are collected. Delete this class and the header
 * once the production rules exist.
 *
 * <p>A component (not a {@code @TestConfiguration} of one test class) so that it joins the context every test class
 * of the module shares instead of starting another one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class HistoryTestAccessRules implements KassaAccessRules {

    static final String HEADER = "X-Kassa-Test-Access";

    @Override
    public void configure(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/webhooks/psp").permitAll()
                .requestMatchers(request -> request.getHeader(HEADER) != null).hasAnyRole(KassaRole.OPERATORS);
    }
}
