package dev.kassa.pspmock.settlement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/settlements/{yyyy-mm-dd}}: the day's settlement file as {@code text/csv}, streamed. A simulator
 * feature, not Stripe's (which lists the money as {@code /v1/balance_transactions}), so it is under the operator's
 * {@code /admin}.
 */
@RestController
@Tag(name = "Simulator: settlement files", description = "The daily settlement file, the simulator's own (Stripe"
        + " lists the same money as `/v1/balance_transactions`). An operator key (any operator role).")
class SettlementController {

    private final SettlementFile file;

    SettlementController(SettlementFile file) {
        this.file = file;
    }

    @GetMapping("/admin/settlements/{date}")
    @Operation(operationId = "downloadSettlementFile", summary = "The day's settlement file",
            description = "One row per balance transaction of the UTC day (a succeeded charge or refund, a"
                    + " dispute's withdrawal or a won dispute's reversal), in time order, with the day's discrepancies"
                    + " applied; RFC 4180 CSV with a header row, as an attachment. Columns: `balance_transaction_id`,"
                    + " `type`, `payment_intent_id`, `payment_order_id`, `refund_id`, `amount`, `fee`, `net`,"
                    + " `currency`, `created_at`, `dispute_id`.")
    @ApiResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", example = "balance_transaction_id,type,payment_intent_id,"
                    + "payment_order_id,refund_id,amount,fee,net,currency,created_at,dispute_id\n"
                    + "txn_1,charge,pi_1,po_123,,10000,165,9835,EUR,2026-11-20T10:15:02.123456Z,\n")))
    void download(@Parameter(description = DiscrepancyController.DATE, schema = @Schema(type = "string",
                          format = "date")) @PathVariable String date,
                  HttpServletResponse response) throws IOException {
        LocalDate day = SettlementDate.parse(date);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"settlement-" + day + ".csv\"");
        file.write(day, response.getWriter());
    }
}
