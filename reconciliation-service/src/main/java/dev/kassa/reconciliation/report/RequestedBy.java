package dev.kassa.reconciliation.report;

import dev.kassa.web.security.AuditContext;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who started a report's latest run, as the API shows it ({@code requested_by}): {@code operator:<name>} with the
 * credential (a key's visible prefix or a JWT id), client address and request id of the call, or
 * {@code system:scheduler} for the nightly run.
 */
record RequestedBy(
        @Schema(description = "`operator:<name>`, or `system:scheduler` for the nightly run",
                example = "operator:alice") String actor,
        @Schema(nullable = true, description = "The operator key's visible prefix or the JWT's id; null for the"
                + " nightly run", example = "opk_AbCd") String credential,
        @Schema(nullable = true, description = "The caller's address; null for the nightly run",
                example = "10.0.4.17") String clientAddress,
        @Schema(nullable = true, description = "The request's `X-Request-Id`; null for the nightly run")
        String requestId) {

    /** Null for a report whose latest run started before requesters were recorded. */
    static RequestedBy of(AuditContext audit) {
        return audit == null ? null
                : new RequestedBy(audit.actor(), audit.credential(), audit.clientAddress(), audit.requestId());
    }
}
