package dev.kassa.web.security;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by any of Kassa's credentials (merchant key, operator key, JWT): its actor and roles. */
public final class KassaAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final KassaActor actor;

    public KassaAuthentication(KassaActor actor) {
        super(actor.roles().stream().map(KassaRole::authority).toList());
        this.actor = actor;
        setAuthenticated(true);
    }

    public KassaActor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.id();
    }
}
