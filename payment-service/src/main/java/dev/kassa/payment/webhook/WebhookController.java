package dev.kassa.payment.webhook;

import dev.kassa.payment.api.ApiProblem;
import dev.kassa.payment.api.FieldViolation;
import dev.kassa.payment.webhook.WebhookProcessor.PspEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/webhooks/psp}. The body is taken as raw bytes: the signature covers exactly what
 * was sent. A bad or missing signature is a 400 problem and changes nothing; every verified event is
 * acknowledged with 200, including events that match nothing of ours (recorded for operators), so the
 * PSP does not redeliver them forever.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final String REJECTIONS_METRIC = "kassa.payment.webhook.rejections";
    static final String RECEIVED_METRIC = "kassa.payment.webhooks";

    private final WebhookSignatureVerifier verifier;
    private final WebhookProcessor processor;
    private final MeterRegistry meters;
    /** The PSP is an outside party that adds fields: read its events tolerantly. */
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public WebhookController(WebhookSignatureVerifier verifier, WebhookProcessor processor, MeterRegistry meters) {
        this.verifier = verifier;
        this.processor = processor;
        this.meters = meters;
    }

    @PostMapping(path = "/api/v1/webhooks/psp", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> receive(
            @RequestHeader(name = "Psp-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        PspEvent event;
        try {
            verifier.verify(signature, raw);
            event = parse(raw);
        } catch (WebhookRejectedException rejected) {
            Counter.builder(REJECTIONS_METRIC).description("PSP webhooks refused, by reason")
                    .tag("reason", rejected.rejection().tag()).register(meters).increment();
            log.warn("PSP webhook rejected: {}", rejected.getMessage());
            String field = rejected.rejection() == WebhookRejection.MALFORMED_EVENT ? "body" : "Psp-Signature";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-webhook", "Webhook rejected",
                    field + ": " + rejected.getMessage(), List.of(new FieldViolation(field, rejected.getMessage())));
        }
        WebhookOutcome outcome = processor.process(event);
        Counter.builder(RECEIVED_METRIC).description("Verified PSP webhooks, by outcome")
                .tag("type", event.type()).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters).increment();
        return ResponseEntity.ok(Map.of("event_id", event.id(), "outcome", outcome.name()));
    }

    private PspEvent parse(byte[] raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            throw new WebhookRejectedException(WebhookRejection.MALFORMED_EVENT);
        }
        if (root == null || !root.isObject() || !root.path("id").isString() || !root.path("type").isString()
                || !root.path("data").path("object").isObject()) {
            throw new WebhookRejectedException(WebhookRejection.MALFORMED_EVENT);
        }
        return new PspEvent(root.get("id").stringValue(), root.get("type").stringValue(),
                root.path("data").path("object"), new String(raw, StandardCharsets.UTF_8));
    }
}
