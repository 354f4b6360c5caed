package dev.kassa.reconciliation.report;

import dev.kassa.web.security.AuditContext;

/**
 * Who started a report's latest run, as the API shows it ({@code requested_by}): {@code operator:<name>} with the
 * credential (a key's visible prefix or a JWT id), client address and request id of the call, or
 * {@code system:scheduler} for the nightly run.
 */
record RequestedBy(String actor, String credential, String clientAddress, String requestId) {

    /** Null for a report whose latest run started before requesters were recorded. */
    static RequestedBy of(AuditContext audit) {
        return audit == null ? null
                : new RequestedBy(audit.actor(), audit.credential(), audit.clientAddress(), audit.requestId());
    }
}
