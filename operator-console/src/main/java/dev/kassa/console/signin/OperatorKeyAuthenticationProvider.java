package dev.kassa.console.signin;

import dev.kassa.web.security.KassaRole;
import dev.kassa.web.security.OperatorKeys;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs an operator in with an operator key, checked exactly as every service checks it ({@link OperatorKeys}, from
 * the same {@code kassa.security.operators} configuration), so the console shows what the services will allow. The
 * sign-in form's key arrives as the password of Spring Security's form login; the name field is not asked for.
 */
final class OperatorKeyAuthenticationProvider implements AuthenticationProvider {

    private final OperatorKeys keys;

    OperatorKeyAuthenticationProvider(OperatorKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString().strip();
        if (!keys.claims(key)) {
            throw new BadCredentialsException("not an operator key");
        }
        return keys.authenticate(key)
                .map(actor -> {
                    SignedInOperator operator = new SignedInOperator(
                            actor.id().substring("operator:".length()), actor.roles(), key);
                    return UsernamePasswordAuthenticationToken.authenticated(operator, null,
                            actor.roles().stream().map(KassaRole::authority).toList());
                })
                .orElseThrow(() -> new BadCredentialsException("unknown operator key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
