package dev.kassa.payment.audit;

/**
 * The values of one audit row, caller included, as {@link AuditTrail#entry} builds them: for a statement that writes
 * its change and the change's audit row together (the checkout's creation).
 */
public record AuditEntry(String actor, String credential, String clientAddress, String requestId, String action,
                         String targetType, String targetId, String merchantId, String detail) {
}
