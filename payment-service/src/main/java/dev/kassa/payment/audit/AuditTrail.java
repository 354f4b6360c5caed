package dev.kassa.payment.audit;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.security.AuditContext;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes with the caller of the current request ({@link AuditContext}): one INSERT that joins the
 * caller's transaction, so the row exists exactly when the change does; or, for a change written by one statement
 * with its audit row, the row's values ({@link #entry}). Outside a request (a job of the service itself) the actor is
 * {@code system:payment-service}.
 */
@Service
public class AuditTrail {

    static final int MAX_LIMIT = 500;
    private static final String SYSTEM = "payment-service";
    private static final int MAX_DETAIL = 500;

    private final AuditEvents events;

    AuditTrail(AuditEvents events) {
        this.events = events;
    }

    /** Must run inside the transaction of the change it records. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String targetId, String merchantId, String detail) {
        AuditEntry entry = entry(action, targetId, merchantId, detail);
        events.insert(entry.actor(), entry.credential(), entry.clientAddress(), entry.requestId(), entry.action(),
                entry.targetType(), entry.targetId(), entry.merchantId(), entry.detail());
    }

    /** The row {@link #record} would insert, for a statement that inserts it with the change it records. */
    public AuditEntry entry(AuditAction action, String targetId, String merchantId, String detail) {
        AuditContext caller = AuditContext.currentOrSystem(SYSTEM);
        String shortDetail = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        return new AuditEntry(caller.actor(), caller.credential(), caller.clientAddress(), caller.requestId(),
                action.name(), action.targetType(), targetId, merchantId, shortDetail);
    }

    /** The newest {@code limit} rows (1 to 500), of one target when {@code targetId} is set. */
    @Transactional(readOnly = true)
    public List<AuditEvent> newestFirst(String targetId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw KassaProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return targetId == null ? events.findNewestFirst(limit) : events.findByTargetNewestFirst(targetId, limit);
    }
}
