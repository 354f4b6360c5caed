package dev.kassa.payment.checkout;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.validation.KassaId;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/payments}: create a checkout (202, or 200 for an identical resubmission) and read it. Input
 * is checked by Bean Validation ({@link CheckoutRequest}, {@link KassaId}); refusals are the web module's
 * problem details. A checkout belongs to the merchant whose key created it; only that merchant and operators
 * see it.
 */
@RestController
@RequestMapping(path = "/api/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class CheckoutController {

    private final CheckoutService checkouts;
    private final PaymentProperties properties;

    public CheckoutController(CheckoutService checkouts, PaymentProperties properties) {
        this.checkouts = checkouts;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CheckoutView> create(@Valid @RequestBody CheckoutRequest body) {
        NewCheckout request = NewCheckout.of(body, merchantId(KassaActor.required()), properties);
        try (PaymentMdc mdc = PaymentMdc.of(request.checkoutId(), null)) {
            CheckoutService.Outcome outcome = checkouts.create(request);
            return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .location(URI.create("/api/v1/payments/" + request.checkoutId()))
                    .body(outcome.checkout());
        }
    }

    /** The access rules let only merchant keys create checkouts; this holds even if a rule is ever loosened. */
    private static String merchantId(KassaActor actor) {
        if (!actor.isMerchant()) {
            throw new KassaProblem(ProblemType.FORBIDDEN, "a checkout is created with the key of its merchant");
        }
        return actor.merchantId();
    }

    @GetMapping("/{checkout_id}")
    public CheckoutView get(@PathVariable("checkout_id") @KassaId String checkoutId) {
        try (PaymentMdc mdc = PaymentMdc.of(checkoutId, null)) {
            return checkouts.get(checkoutId);
        }
    }
}
