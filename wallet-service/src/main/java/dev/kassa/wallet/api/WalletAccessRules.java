package dev.kassa.wallet.api;

import dev.kassa.web.security.KassaAccessRules;
import dev.kassa.web.security.KassaRole;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the wallet API (docs/architecture.md §11): every operator role reads it; it has nothing to write.
 * Merchants do not read wallets yet: the events do not say which merchant a seller belongs to. Any other method
 * falls through to the web module's deny-all.
 */
@Component
class WalletAccessRules implements KassaAccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/wallets", "/api/v1/wallets/**")
                .hasAnyRole(KassaRole.OPERATORS);
    }
}
