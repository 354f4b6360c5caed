package dev.kassa.web.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token that is one of Kassa's secret keys. A token no {@link BearerKeys} claims is
 * left to the next provider (the JWT one, where an issuer is configured); a claimed but unknown or revoked key
 * is refused at once.
 */
final class BearerKeyAuthenticationProvider implements AuthenticationProvider {

    private final List<BearerKeys> keys;

    BearerKeyAuthenticationProvider(List<BearerKeys> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        for (BearerKeys kind : keys) {
            if (kind.claims(token)) {
                return kind.authenticate(token).map(KassaAuthentication::new)
                        .orElseThrow(() -> new InvalidBearerTokenException("unknown or revoked key"));
            }
        }
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
