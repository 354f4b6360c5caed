package dev.kassa.payment.audit;

import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Audit", description = "Who changed what, when and from where: every change made through the API")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "AuditEvent")
    record AuditEventView(long id, Instant occurredAt,
                          @Schema(description = "Who: `merchant:<merchant_id>` or an operator",
                                  example = "operator:ops") String actor,
                          @Schema(nullable = true, description = "Which credential authenticated the call: a key's"
                                          + " prefix or id, a JWT's id or subject")
                          String credential,
                          @Schema(nullable = true) String clientAddress,
                          @Schema(nullable = true, description = "The request's `X-Request-Id`") String requestId,
                          @Schema(example = "CHECKOUT_CREATED") String action,
                          @Schema(example = "checkout") String targetType,
                          String targetId,
                          @Schema(nullable = true) String merchantId,
                          @Schema(nullable = true) String detail) {

        static AuditEventView of(AuditEvent event) {
            return new AuditEventView(event.id(), event.occurredAt(), event.actor(), event.credential(),
                    event.clientAddress(), event.requestId(), event.action().name(), event.targetType(),
                    event.targetId(), event.merchantId(), event.detail());
        }
    }

    @GetMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listAuditEvents", summary = "The audit trail, newest first",
            description = "Every operator role.")
    public List<AuditEventView> list(@Parameter(description = "Only what happened to this checkout, order, refund,"
                                             + " dispute, merchant, key or block", example = "chk_1001")
                                     @RequestParam(name = "target_id", required = false) @KassaId String targetId,
                                     @Parameter(description = "At most this many, 1 to 500")
                                     @RequestParam(defaultValue = "50") int limit) {
        return trail.newestFirst(targetId, limit).stream().map(AuditEventView::of).toList();
    }
}
