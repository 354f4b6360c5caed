package dev.kassa.payment.checkout;

import dev.kassa.payment.api.Ids;
import dev.kassa.payment.api.JsonBodyInspector;
import dev.kassa.payment.observability.PaymentMdc;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/payments}: create a checkout (202, or 200 for an identical resubmission) and read it. */
@RestController
@RequestMapping(path = "/api/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
public class CheckoutController {

    private final CheckoutService checkouts;
    private final CheckoutRequestValidator validator;
    private final JsonMapper json;

    public CheckoutController(CheckoutService checkouts, CheckoutRequestValidator validator, JsonMapper json) {
        this.checkouts = checkouts;
        this.validator = validator;
        this.json = json;
    }

    /**
     * The body is read as a tree first: the card-number and type checks must see every field before
     * binding (unknown fields are then refused by the binding itself).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CheckoutView> create(@RequestBody JsonNode body) {
        JsonBodyInspector.requireStringsWithoutPan(body);
        NewCheckout request = validator.validate(json.treeToValue(body, CheckoutRequest.class));
        try (PaymentMdc mdc = PaymentMdc.of(request.checkoutId(), null)) {
            CheckoutService.Outcome outcome = checkouts.create(request);
            return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .location(URI.create("/api/v1/payments/" + request.checkoutId()))
                    .body(outcome.checkout());
        }
    }

    @GetMapping("/{checkoutId}")
    public CheckoutView get(@PathVariable String checkoutId) {
        Ids.requireValid("checkout_id", checkoutId);
        try (PaymentMdc mdc = PaymentMdc.of(checkoutId, null)) {
            return checkouts.get(checkoutId);
        }
    }
}
