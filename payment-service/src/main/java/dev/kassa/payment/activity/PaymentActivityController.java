package dev.kassa.payment.activity;

import dev.kassa.web.RequestLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/payments/activity?minutes=…}: orders succeeded and failed per minute over the last
 * {@code minutes} (1 to 1440, default 60), for every operator role. {@code minutes} arrives as text so that a
 * malformed value is refused with a reason that names it.
 */
@RestController
@Tag(name = "Activity", description = "The operators' overview of payments across every merchant")
class PaymentActivityController {

    static final int DEFAULT_MINUTES = 60;
    static final int MAX_MINUTES = 24 * 60;

    private final PaymentActivity activity;

    PaymentActivityController(PaymentActivity activity) {
        this.activity = activity;
    }

    @GetMapping(path = "/admin/payments/activity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPaymentActivity", summary = "Payment orders succeeded and failed per minute",
            description = "Every operator role. Totals over the last `minutes`, and each minute that had an outcome,"
                    + " oldest first.")
    public PaymentActivityView get(@Parameter(description = "How far back, 1 to 1440 (default 60)", example = "60")
                                   @RequestParam(name = "minutes", required = false) String minutes) {
        return activity.lastMinutes(RequestLimits.within("minutes", minutes, DEFAULT_MINUTES, 1, MAX_MINUTES));
    }
}
