package dev.kassa.payment.webhook;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

/**
 * {@code POST /api/v1/webhooks/psp}. The body is taken as raw bytes: the signature covers exactly what
 * was sent. A bad or missing signature is a 400 problem and changes nothing; every verified event is
 * acknowledged with 200, including events that match nothing of ours (recorded for operators), so the
 * PSP does not redeliver them forever. An event whose rows are held by another transaction gets a 503 and is
 * delivered again. The body is parsed once, after the signature is verified, into only
 * the fields Kassa reads.
 */
@RestController
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

    @PostMapping(path = "/api/v1/webhooks/psp", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> receive(
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
        return ResponseEntity.ok(Map.of("event_id", event.id(), "outcome", outcome.name()));
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
