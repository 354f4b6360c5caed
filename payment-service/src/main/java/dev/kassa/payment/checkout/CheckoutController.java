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
import org.springframework.web.bind.annotation.RequestParam;
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
    private final CheckoutListing listing;
    private final PaymentProperties properties;

    public CheckoutController(CheckoutService checkouts, CheckoutListing listing, PaymentProperties properties) {
        this.checkouts = checkouts;
        this.listing = listing;
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

    /**
     * The payment history, newest first: a merchant's own checkouts, or any merchant's (or {@code merchant_id}'s) for an
     * operator. Parameters arrive as text so that a malformed one is refused with a reason that names it.
     */
    @GetMapping
    public CheckoutPage list(@RequestParam(name = "merchant_id", required = false) String merchantId,
                             @RequestParam(name = "buyer_user_id", required = false) String buyerUserId,
                             @RequestParam(name = "seller_account", required = false) String sellerAccount,
                             @RequestParam(name = "status", required = false) String status,
                             @RequestParam(name = "currency", required = false) String currency,
                             @RequestParam(name = "amount_min", required = false) String amountMin,
                             @RequestParam(name = "amount_max", required = false) String amountMax,
                             @RequestParam(name = "created_from", required = false) String createdFrom,
                             @RequestParam(name = "created_to", required = false) String createdTo,
                             @RequestParam(name = "limit", required = false) String limit,
                             @RequestParam(name = "cursor", required = false) String cursor) {
        CheckoutFilter filter = CheckoutFilter.parse(merchantId, buyerUserId, sellerAccount, status, currency,
                amountMin, amountMax, createdFrom, createdTo, limit, cursor);
        KassaActor actor = KassaActor.required();
        if (actor.isMerchant()) {
            if (filter.merchantId() != null && !filter.merchantId().equals(actor.merchantId())) {
                throw new KassaProblem(ProblemType.FORBIDDEN, "a merchant key lists its own merchant's payments only");
            }
            filter = filter.forMerchant(actor.merchantId());
        }
        return listing.page(filter);
    }

    @GetMapping("/{checkout_id}")
    public CheckoutView get(@PathVariable("checkout_id") @KassaId String checkoutId) {
        try (PaymentMdc mdc = PaymentMdc.of(checkoutId, null)) {
            return checkouts.get(checkoutId);
        }
    }
}
