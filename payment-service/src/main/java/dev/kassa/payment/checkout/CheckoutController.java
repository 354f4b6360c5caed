package dev.kassa.payment.checkout;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Checkouts", description = "A buyer's payment to one or more sellers: created with a merchant's key, then"
        + " followed until it is COMPLETED (every payment order SUCCEEDED or FAILED). The merchant sees its own"
        + " checkouts; every operator role sees all.")
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
    @Operation(operationId = "createCheckout", summary = "Create a checkout",
            description = "Merchant keys only (an operator's is refused, 403). Stores the checkout and its payment"
                    + " orders (NOT_STARTED) in one transaction and answers 202 at once: the PSP is charged"
                    + " asynchronously, so poll `GET /api/v1/payments/{checkout_id}` (`Location`) until it is"
                    + " COMPLETED. The ids are the merchant's own: sending the same body again answers 200 with the"
                    + " checkout as it is now and charges nothing twice. A card number anywhere is refused (400);"
                    + " only a PSP token and the last four digits are accepted.")
    @ApiResponse(responseCode = "202", description = "Created; the payment orders are being charged",
            headers = @Header(name = "Location", description = "The checkout", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckoutView.class)))
    @ApiResponse(responseCode = "200", description = "The same body was sent before: the checkout as it is now",
            headers = @Header(name = "Location", description = "The checkout", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CheckoutView.class)))
    @ApiResponse(responseCode = "409", description = "`checkout_id` was used with another body, a `payment_order_id`"
            + " belongs to another checkout, or a `seller_account` to another merchant (`errors` names the field);"
            + " nothing was stored (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
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
    @Operation(operationId = "listCheckouts", summary = "The payment history, newest first",
            description = "A merchant key lists its own checkouts (naming another `merchant_id` is refused, 403);"
                    + " every operator role lists every merchant's, or one `merchant_id`'s. `seller_account`,"
                    + " `status`, `currency` and the amount bounds describe one payment order: a checkout is listed"
                    + " when one of its orders meets all of them. Follow `next_cursor` until it is null.")
    public CheckoutPage list(@Parameter(description = "Only this merchant's checkouts (operators)", example = "m_shop")
                             @RequestParam(name = "merchant_id", required = false) String merchantId,
                             @Parameter(description = "Only this buyer's checkouts", example = "u_1")
                             @RequestParam(name = "buyer_user_id", required = false) String buyerUserId,
                             @Parameter(description = "Checkouts with an order for this seller", example = "seller_1")
                             @RequestParam(name = "seller_account", required = false) String sellerAccount,
                             @Parameter(description = "Checkouts with an order in this stored status: NOT_STARTED,"
                                     + " EXECUTING, SUCCEEDED or FAILED", example = "FAILED")
                             @RequestParam(name = "status", required = false) String status,
                             @Parameter(description = "Checkouts with an order in this currency (ISO 4217); required"
                                     + " with an amount bound", example = "USD")
                             @RequestParam(name = "currency", required = false) String currency,
                             @Parameter(description = "Least order amount, inclusive, a decimal in `currency`",
                                     example = "10.00")
                             @RequestParam(name = "amount_min", required = false) String amountMin,
                             @Parameter(description = "Greatest order amount, inclusive, a decimal in `currency`",
                                     example = "99.99")
                             @RequestParam(name = "amount_max", required = false) String amountMax,
                             @Parameter(description = "Created at or after this ISO 8601 instant",
                                     example = "2026-12-01T00:00:00Z")
                             @RequestParam(name = "created_from", required = false) String createdFrom,
                             @Parameter(description = "Created before this ISO 8601 instant (after `created_from`)",
                                     example = "2026-12-04T00:00:00Z")
                             @RequestParam(name = "created_to", required = false) String createdTo,
                             @Parameter(description = "Checkouts per page, 1 to 200 (default 50)", example = "50")
                             @RequestParam(name = "limit", required = false) String limit,
                             @Parameter(description = "`next_cursor` of the previous page, with the same filters")
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
    @Operation(operationId = "getCheckout", summary = "A checkout and its payment orders",
            description = "Its merchant's key, or any operator role. Another merchant's checkout is answered 404.")
    public CheckoutView get(@Parameter(description = "The merchant's id of the checkout", example = "chk_1001")
                            @PathVariable("checkout_id") @KassaId String checkoutId) {
        try (PaymentMdc mdc = PaymentMdc.of(checkoutId, null)) {
            return checkouts.get(checkoutId);
        }
    }
}
