package dev.kassa.payment.receipt;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A checkout's receipt: JSON, or a printable page where the caller asks for HTML before JSON ({@code Accept}, as a
 * browser does). Read by the checkout's merchant and by operators, as the checkout is. One handler that chooses, not
 * two mappings split by {@code produces}: for {@code Accept: *}{@code /*} (curl's) two such mappings are ambiguous.
 */
@RestController
@Tag(name = "Receipts", description = "A checkout's receipt, as JSON or as a printable page")
class ReceiptController {

    private final ReceiptService receipts;

    ReceiptController(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/payments/{checkout_id}/receipt")
    @Operation(operationId = "getReceipt", summary = "A checkout's receipt",
            description = "Its merchant's key, or any operator role. Per currency: what the succeeded orders charged,"
                    + " what succeeded refunds gave back, and the net; a failed order is listed with its failure code"
                    + " and charges nothing. JSON, or an HTML page where `Accept` prefers `text/html` (as a browser's"
                    + " does).")
    @ApiResponse(responseCode = "200", description = "The receipt", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Receipt.class)),
            @Content(mediaType = "text/html", schema = @Schema(type = "string", description = "A printable page"))})
    public ResponseEntity<?> receipt(@Parameter(description = "The checkout", example = "chk_1001")
                                     @PathVariable("checkout_id") @KassaId String checkoutId,
                                     @Parameter(description = "`text/html` before `application/json` for the page;"
                                             + " anything else (or none) for JSON", example = "text/html")
                                     @RequestHeader(name = "Accept", required = false) String accept) {
        try (PaymentMdc mdc = PaymentMdc.of(checkoutId, null)) {
            Receipt receipt = receipts.receipt(checkoutId);
            if (wantsHtml(accept)) {
                return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(ReceiptPage.render(receipt));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(receipt);
        }
    }

    /** Whether the most preferred of HTML and JSON in {@code accept} is HTML; a wildcard means JSON. */
    static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types = new ArrayList<>(types);
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep their order
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
