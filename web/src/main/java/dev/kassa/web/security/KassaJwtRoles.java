package dev.kassa.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * An operator signed in at the configured OIDC issuer: the JWT's roles claim (OPERATOR, FINANCE, VIEWER; any
 * other value is ignored, MERCHANT included) and its name claim make the actor. A token granting none of the
 * roles is refused: being known to the issuer is not a reason to be let in.
 */
final class KassaJwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final KassaSecurityProperties.Jwt claims;

    KassaJwtRoles(KassaSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<KassaRole> roles = EnumSet.noneOf(KassaRole.class);
        if (jwt.getClaims().get(claims.rolesClaim()) instanceof Collection<?> values) {
            for (Object value : values) {
                for (KassaRole role : KassaRole.values()) {
                    if (role != KassaRole.MERCHANT && role.name().equals(String.valueOf(value))) {
                        roles.add(role);
                    }
                }
            }
        }
        String name = jwt.getClaimAsString(claims.nameClaim());
        if (roles.isEmpty() || name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("the token grants no Kassa role or names nobody");
        }
        String credential = jwt.getId() != null ? jwt.getId() : "jwt:" + jwt.getSubject();
        return new KassaAuthentication(KassaActor.operator(name, roles, credential));
    }
}
