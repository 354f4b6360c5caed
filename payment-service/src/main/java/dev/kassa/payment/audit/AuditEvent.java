package dev.kassa.payment.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code audit_event}: a change and who made it. Rows are only ever inserted, never changed, so there
 * is no {@code @Version}.
 *
 * @param actor         {@code merchant:<id>}, {@code operator:<name>} or {@code system:<job>}
 * @param credential    the key prefix or JWT id that authenticated the request
 * @param clientAddress the caller's address as the server saw it
 * @param requestId     the request's {@code X-Request-Id}, also on its log lines
 * @param action        what happened ({@link AuditAction})
 * @param merchantId    the merchant whose object changed (also when an operator acted on its behalf)
 */
@Table("audit_event")
public record AuditEvent(@Id Long id, Instant occurredAt, String actor, String credential, String clientAddress,
                         String requestId, AuditAction action, String targetType, String targetId, String merchantId,
                         String detail) {
}
