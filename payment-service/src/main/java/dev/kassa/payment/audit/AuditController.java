package dev.kassa.payment.audit;

import dev.kassa.web.validation.KassaId;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /admin/audit?target_id=…&limit=…}: the audit trail, newest first (every operator role). */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @JsonNaming(SnakeCaseStrategy.class)
    record AuditEventView(long id, Instant occurredAt, String actor, String credential, String clientAddress,
                          String requestId, String action, String targetType, String targetId, String merchantId,
                          String detail) {

        static AuditEventView of(AuditEvent event) {
            return new AuditEventView(event.id(), event.occurredAt(), event.actor(), event.credential(),
                    event.clientAddress(), event.requestId(), event.action().name(), event.targetType(),
                    event.targetId(), event.merchantId(), event.detail());
        }
    }

    @GetMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditEventView> list(@RequestParam(name = "target_id", required = false) @KassaId String targetId,
                                     @RequestParam(defaultValue = "50") int limit) {
        return trail.newestFirst(targetId, limit).stream().map(AuditEventView::of).toList();
    }
}
