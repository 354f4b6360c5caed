package dev.kassa.ledger;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the ledger API (docs/architecture.md §11): every operator role reads accounts, entries and the
 * trial balance, a merchant its own sellers' accounts and their entries (merchant keys are verified by
 * payment-service, {@code kassa.security.merchant-keys.verify-url}); the ledger is written from payment results
 * only, so the API has nothing to change and any other method falls through to the web module's deny-all.
 */
@Component
public class LedgerAccessRules implements KassaAccessRules {


    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        // A merchant reads its own sellers' accounts and their entries (AccountVisibility); the rest is the platform's.
        rules.requestMatchers(HttpMethod.GET, "/api/v1/ledger/accounts/*", "/api/v1/ledger/entries")
                .hasAnyRole(KassaRole.MERCHANT_OR_OPERATORS)
                .requestMatchers(HttpMethod.GET, "/api/v1/ledger/**").hasAnyRole(KassaRole.OPERATORS);
    }
}
