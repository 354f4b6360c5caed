package dev.kassa.payment.webhook;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/v1/webhooks/psp}. The body is taken as raw bytes: the signature covers exactly what
 * was sent. A bad or missing signature is a 400 problem and changes nothing; every verified event is
 * acknowledged with 200, including events that match nothing of ours (recorded for operators), so the
 * PSP does not redeliver them forever. An event whose rows are held by another transaction gets a 503 and is
 * delivered again. The body is parsed once, after the signature is verified, into only
 * the fields Kassa reads.
 */
@RestController
@Tag(name = "PSP webhooks", description = "Events the PSP pushes (Stripe's format), authenticated by their signature")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final String REJECTIONS_METRIC = "kassa.payment.webhook.rejections";
    static final String RECEIVED_METRIC = "kassa.payment.webhooks";

    private final WebhookSignatureVerifier verifier;
    private final WebhookProcessor processor;
    private final MeterRegistry meters;
    private final PspEventParser parser = new PspEventParser();
    /** {@code kassa.payment.webhooks} by event type, one counter per outcome: looked up, not rebuilt, per request. */
    private final Map<String, Counter[]> received = new ConcurrentHashMap<>();

    public WebhookController(WebhookSignatureVerifier verifier, WebhookProcessor processor, MeterRegistry meters) {
        this.verifier = verifier;
        this.processor = processor;
        this.meters = meters;
    }

    /** The acknowledgement of a verified event. */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "WebhookAcknowledgement")
    record Acknowledgement(@Schema(example = "evt_1Q0abc") String eventId,
                           @Schema(description = "APPLIED: it changed a payment order, refund or dispute; IGNORED:"
                                   + " already resolved, an older attempt's, or a type Kassa does not act on;"
                                   + " UNMATCHED: nothing of Kassa's (kept for operators); DUPLICATE: received before")
                           WebhookOutcome outcome) {
    }

    @PostMapping(path = "/api/v1/webhooks/psp", produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements // the PSP authenticates by the signature over the raw body, not a key
    @Operation(operationId = "receivePspWebhook", summary = "Receive a PSP event",
            description = "Open to anyone, authenticated by the `Stripe-Signature` HMAC over the exact body (any of"
                    + " the configured webhook secrets, within the timestamp tolerance). Every verified event is"
                    + " acknowledged 200, also one that matches nothing, so the PSP stops delivering it; an event whose"
                    + " payment order is busy is answered 503 and delivered again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "A Stripe event: `id`, `type` and `data.object` (a payment intent, refund or"
                            + " dispute); read only once its signature is verified, other fields ignored",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))))
    @ApiResponse(responseCode = "200", description = "Verified and recorded",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Acknowledgement.class)))
    @ApiResponse(responseCode = "400", description = "No valid signature, or an event that cannot be read; nothing"
            + " changed (`https://kassa.dev/problems/invalid-webhook`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<Acknowledgement> receive(
            @Parameter(description = "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">`, as Stripe"
                    + " signs (one `v1` per secret during a rotation)")
            @RequestHeader(name = WebhookSignatureVerifier.HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        PspEvent event;
        try {
            verifier.verify(signature, raw);
            event = parser.parse(raw);
        } catch (WebhookRejectedException rejected) {
            Counter.builder(REJECTIONS_METRIC).description("PSP webhooks refused, by reason")
                    .tag("reason", rejected.rejection().tag()).register(meters).increment();
            log.warn("PSP webhook rejected: {}", rejected.getMessage());
            String field = rejected.rejection() == WebhookRejection.MALFORMED_EVENT ? "body"
                    : WebhookSignatureVerifier.HEADER;
            throw new KassaProblem(ProblemType.INVALID_WEBHOOK, field, rejected.getMessage());
        }
        // A state change that would wait on a row the executor holds fails fast (kassa.psp.webhook-lock-wait) and
        // is answered 503 by the shared problem handler: the PSP delivers it again and finds the result applied.
        WebhookOutcome outcome = processor.process(event);
        received(event.type(), outcome).increment();
        return ResponseEntity.ok(new Acknowledgement(event.id(), outcome));
    }

    private Counter received(String type, WebhookOutcome outcome) {
        Counter[] byOutcome = received.computeIfAbsent(type, t -> new Counter[WebhookOutcome.values().length]);
        Counter counter = byOutcome[outcome.ordinal()];
        if (counter == null) {
            // Registering is idempotent, so two requests racing here store the same counter.
            counter = Counter.builder(RECEIVED_METRIC).description("Verified PSP webhooks, by outcome")
                    .tag("type", type).tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters);
            byOutcome[outcome.ordinal()] = counter;
        }
        return counter;
    }
}
