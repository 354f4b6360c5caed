package dev.kassa.wallet.api;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the wallet API (docs/architecture.md §11): every operator role reads it, a merchant its own sellers'
 * wallets (merchant keys are verified by payment-service, {@code kassa.security.merchant-keys.verify-url}); it has
 * nothing to write. Any other method falls through to the web module's deny-all.
 */
@Component
class WalletAccessRules implements KassaAccessRules {


    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        // A merchant reads its own sellers' wallets (WalletVisibility); the list of balances below zero is the platform's.
        rules.requestMatchers(HttpMethod.GET, "/api/v1/wallets/*", "/api/v1/wallets/*/movements")
                .hasAnyRole(KassaRole.MERCHANT_OR_OPERATORS)
                .requestMatchers(HttpMethod.GET, "/api/v1/wallets", "/api/v1/wallets/**").hasAnyRole(KassaRole.OPERATORS);
    }
}
