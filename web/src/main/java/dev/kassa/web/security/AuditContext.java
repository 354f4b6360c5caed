package dev.kassa.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What an audit row records about the caller of the current request: who (actor and credential), from where
 * (client address, as the server sees it after any trusted proxy headers) and which request.
 */
public record AuditContext(String actor, String credential, String clientAddress, String requestId) {

    /** The current request's context; empty outside a request (a consumer, a scheduled job). */
    public static Optional<AuditContext> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        HttpServletRequest request = servlet.getRequest();
        Optional<KassaActor> actor = KassaActor.current();
        Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        return Optional.of(new AuditContext(actor.map(KassaActor::id).orElse("anonymous"),
                actor.map(KassaActor::credentialId).orElse(null), request.getRemoteAddr(),
                requestId == null ? null : requestId.toString()));
    }

    /** The current request's context, or one naming {@code system} (a job of the service itself) outside one. */
    public static AuditContext currentOrSystem(String system) {
        return current().orElseGet(() -> new AuditContext("system:" + system, null, null, null));
    }
}
