package dev.kassa.pspmock.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.api.StripeErrorResponses;
import dev.kassa.pspmock.api.StripeForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Injects discrepancies into a day's settlement file: drop a row, change an amount, add a row we never sent.
 * Each POST answers with what it did, so a test knows which row to expect reconciliation to flag.
 */
@RestController
@RequestMapping("/admin/settlements/{date}")
@Tag(name = "Simulator: settlement discrepancies", description = "Alter one day's settlement file and its balance"
        + " transactions, for reconciliation to find: drop a row, change an amount, add a payment never sent. Stored"
        + " (they survive a restart). An operator key: every operator role reads, OPERATOR changes.")
class DiscrepancyController {

    private static final long DEFAULT_AMOUNT_CHANGE = 100;
    private static final long DEFAULT_ADDED_AMOUNT = 1000;
    static final String DATE = "The UTC day of the file, `yyyy-mm-dd` (400 `parameter_invalid` otherwise)";
    private static final String OPTIONAL_BODY = "Optional: a JSON object (or the same as a form) with only these"
            + " fields.";
    private static final String NO_ROW = "`invalid_request_error` `resource_missing`: `balance_transaction_id` is not"
            + " a transaction of that day, or the day has no row left to alter (`param` `date`)";

    private final BalanceTransactions balanceTransactions;
    private final Discrepancies discrepancies;
    private final FeeModel fees;
    private final ApiJson json;
    private final Clock clock;

    DiscrepancyController(BalanceTransactions balanceTransactions, Discrepancies discrepancies,
                          FeeModel fees, ApiJson json, Clock clock) {
        this.balanceTransactions = balanceTransactions;
        this.discrepancies = discrepancies;
        this.fees = fees;
        this.json = json;
        this.clock = clock;
    }

    /** Body (optional): {@code {"balance_transaction_id"}}; default: the day's first row not yet dropped. */
    @PostMapping("/drop-row")
    @Operation(operationId = "dropSettlementRow", summary = "Drop a row from the day's file",
            description = "The row of `balance_transaction_id`, or the day's first row not yet dropped. 404 when the"
                    + " transaction is not of that day, or no row is left.",
            requestBody = @RequestBody(description = OPTIONAL_BODY, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = DropRow.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = DropRow.class))}))
    @ApiResponse(responseCode = "201", description = "What was done", content = @Content(
            schema = @Schema(implementation = DiscrepancyView.class)))
    @ApiResponse(responseCode = "404", description = NO_ROW, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> dropRow(@Parameter(description = DATE, schema = @Schema(type = "string", format = "date"))
            @PathVariable String date, HttpServletRequest http) {
        LocalDate day = SettlementDate.parse(date);
        JsonRequest request = optionalBody(http).allowOnly(Set.of("balance_transaction_id"));
        SettlementRow row = targetRow(day, request);
        return created(discrepancies.save(new Discrepancy(0, day, Discrepancy.DROP_ROW, row.balanceTransactionId(),
                null, null, row.type(), row.paymentIntentId(), row.paymentOrderId(), row.refundId(), row.currency(),
                clock.instant())));
    }

    /** Body (optional): {@code {"balance_transaction_id", "amount"}}; default amount: the original + 100. */
    @PostMapping("/change-amount")
    @Operation(operationId = "changeSettlementAmount", summary = "Change a row's amount in the day's file",
            description = "The row of `balance_transaction_id` (default: the day's first not dropped) gets `amount`"
                    + " (default: the original + 100); its fee stays, so `net` follows.",
            requestBody = @RequestBody(description = OPTIONAL_BODY, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = ChangeAmount.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = ChangeAmount.class))}))
    @ApiResponse(responseCode = "201", description = "What was done", content = @Content(
            schema = @Schema(implementation = DiscrepancyView.class)))
    @ApiResponse(responseCode = "404", description = NO_ROW, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> changeAmount(@Parameter(description = DATE, schema = @Schema(type = "string",
            format = "date")) @PathVariable String date, HttpServletRequest http) {
        LocalDate day = SettlementDate.parse(date);
        JsonRequest request = optionalBody(http).allowOnly(Set.of("balance_transaction_id", "amount"));
        SettlementRow row = targetRow(day, request);
        long amount = request.has("amount") ? signedAmount(request) : row.amount() + DEFAULT_AMOUNT_CHANGE;
        return created(discrepancies.save(new Discrepancy(0, day, Discrepancy.CHANGE_AMOUNT,
                row.balanceTransactionId(), amount, row.fee(), row.type(), row.paymentIntentId(),
                row.paymentOrderId(), row.refundId(), row.currency(), clock.instant())));
    }

    /**
     * Body (optional): {@code {"type": "charge"|"refund", "amount" (positive, minor units), "currency",
     * "payment_order_id"}}; defaults: a 1000 EUR-minor charge of no known order.
     */
    @PostMapping("/add-row")
    @Operation(operationId = "addSettlementRow", summary = "Add a payment never sent to the day's file",
            description = "A row with fresh `txn_`/`pi_` ids (and `re_` for a refund), the fee from the fee model"
                    + " for a charge; dated now if the day is today, else at noon of that day.",
            requestBody = @RequestBody(description = OPTIONAL_BODY, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = AddRow.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = AddRow.class))}))
    @ApiResponse(responseCode = "201", description = "What was done: the new row's ids", content = @Content(
            schema = @Schema(implementation = DiscrepancyView.class)))
    ResponseEntity<String> addRow(@Parameter(description = DATE, schema = @Schema(type = "string", format = "date"))
            @PathVariable String date, HttpServletRequest http) {
        LocalDate day = SettlementDate.parse(date);
        JsonRequest request = optionalBody(http)
                .allowOnly(Set.of("type", "amount", "currency", "payment_order_id"));
        String type = request.optionalString("type").orElse("charge");
        if (!type.equals("charge") && !type.equals("refund")) {
            throw ApiException.invalidRequest("parameter_invalid", "type must be charge or refund.", "type");
        }
        long magnitude = request.optionalAmount("amount", Long.MAX_VALUE / 2).orElse(DEFAULT_ADDED_AMOUNT);
        String currency = request.has("currency") ? request.requiredCurrency("currency").getCurrencyCode()
                : Currency.getInstance("EUR").getCurrencyCode();
        boolean charge = type.equals("charge");
        return created(discrepancies.save(new Discrepancy(0, day, Discrepancy.ADD_ROW, Ids.newId("txn"),
                charge ? magnitude : -magnitude, charge ? fees.feeFor(magnitude, currency) : 0, type,
                Ids.newId("pi"), request.optionalString("payment_order_id").orElse(null),
                charge ? null : Ids.newId("re"), currency, rowTime(day))));
    }

    @GetMapping("/discrepancies")
    @Operation(operationId = "listSettlementDiscrepancies", summary = "The day's discrepancies, oldest first")
    @ApiResponse(responseCode = "200", description = "Every discrepancy injected into the day's file",
            content = @Content(schema = @Schema(implementation = DiscrepancyList.class)))
    ResponseEntity<String> list(@Parameter(description = DATE, schema = @Schema(type = "string", format = "date"))
            @PathVariable String date) {
        LocalDate day = SettlementDate.parse(date);
        return json.render(200, new DiscrepancyList("list",
                discrepancies.findByDateOrderById(day).stream().map(DiscrepancyView::of).toList())).toEntity();
    }

    @DeleteMapping("/discrepancies")
    @Operation(operationId = "clearSettlementDiscrepancies", summary = "Remove the day's discrepancies",
            description = "The file and the balance transactions are as recorded again.")
    @ApiResponse(responseCode = "200", description = "How many were removed", content = @Content(
            schema = @Schema(implementation = Deleted.class)))
    ResponseEntity<String> clear(@Parameter(description = DATE, schema = @Schema(type = "string", format = "date"))
            @PathVariable String date) {
        LocalDate day = SettlementDate.parse(date);
        return json.render(200, new Deleted(discrepancies.deleteOn(day))).toEntity();
    }

    private SettlementRow targetRow(LocalDate day, JsonRequest request) {
        return request.optionalString("balance_transaction_id")
                .map(id -> balanceTransactions.find(id)
                        .filter(row -> LocalDate.ofInstant(row.createdAt(), ZoneOffset.UTC).equals(day))
                        .orElseThrow(() -> ApiException.notFound("balance transaction on " + day, id,
                                "balance_transaction_id")))
                .orElseGet(() -> balanceTransactions.firstNotDroppedOn(day)
                        .orElseThrow(() -> new ApiException(404, "invalid_request_error", "resource_missing",
                                "The settlement file of " + day + " has no row left to alter.", "date")));
    }

    private static long signedAmount(JsonRequest request) {
        // A changed amount may keep a refund negative, so the only rule is "an integer".
        return request.optionalSignedInteger("amount").orElseThrow();
    }

    /** A fabricated row is dated now if the day is today, else at noon of that day, so it lands in that file. */
    private Instant rowTime(LocalDate day) {
        Instant now = clock.instant();
        return LocalDate.ofInstant(now, ZoneOffset.UTC).equals(day) ? now
                : day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    private JsonRequest optionalBody(HttpServletRequest http) {
        return json.readOptionalRequest(http);
    }

    private ResponseEntity<String> created(Discrepancy discrepancy) {
        return json.render(201, DiscrepancyView.of(discrepancy)).toEntity();
    }

    @Schema(name = "SettlementDiscrepancy", description = "A discrepancy injected into a day's settlement file")
    record DiscrepancyView(long id, @Schema(allowableValues = "settlement_discrepancy") String object,
                           LocalDate date,
                           @Schema(allowableValues = {Discrepancy.DROP_ROW, Discrepancy.CHANGE_AMOUNT,
                                   Discrepancy.ADD_ROW}) String kind,
                           @Schema(description = "The row affected (for `add_row`, the new one)")
                           String balanceTransactionId,
                           @Schema(nullable = true, description = "The amount the file now shows; null for a dropped"
                                   + " row") Long amount,
                           @Schema(description = "The row's type, e.g. `charge`, `refund`") String type,
                           String paymentIntentId,
                           @Schema(nullable = true) String paymentOrderId,
                           @Schema(nullable = true) String refundId,
                           @Schema(description = "ISO 4217, upper case as in the file") String currency) {
        static DiscrepancyView of(Discrepancy d) {
            return new DiscrepancyView(d.id(), "settlement_discrepancy", d.date(), d.kind(), d.balanceTransactionId(),
                    d.amount(), d.type(), d.paymentIntentId(), d.paymentOrderId(), d.refundId(), d.currency());
        }
    }

    @Schema(name = "SettlementDiscrepancyList")
    record DiscrepancyList(@Schema(allowableValues = "list") String object, List<DiscrepancyView> data) {
    }

    @Schema(name = "SettlementDiscrepanciesDeleted")
    record Deleted(@Schema(description = "How many discrepancies were removed") int deleted) {
    }

    @Schema(name = "AdminDropRowParams")
    record DropRow(@Schema(description = "A transaction of that day; default the day's first row not yet dropped")
                   String balanceTransactionId) {
    }

    @Schema(name = "AdminChangeAmountParams")
    record ChangeAmount(@Schema(description = "A transaction of that day; default the day's first row not yet"
                                + " dropped") String balanceTransactionId,
                        @Schema(description = "Any integer, minor units (a refund stays negative); default the"
                                + " original + 100") Long amount) {
    }

    @Schema(name = "AdminAddRowParams")
    record AddRow(@Schema(allowableValues = {"charge", "refund"}, defaultValue = "charge") String type,
                  @Schema(description = "Positive, minor units", defaultValue = "1000") Long amount,
                  @Schema(description = "ISO 4217", defaultValue = "EUR") String currency,
                  @Schema(description = "The order id the row carries; default none") String paymentOrderId) {
    }
}
