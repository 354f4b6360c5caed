package dev.kassa.pspmock.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.JsonRequest;
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
class DiscrepancyController {

    private static final long DEFAULT_AMOUNT_CHANGE = 100;
    private static final long DEFAULT_ADDED_AMOUNT = 1000;

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
    ResponseEntity<String> dropRow(@PathVariable String date, HttpServletRequest http) {
        LocalDate day = SettlementDate.parse(date);
        JsonRequest request = optionalBody(http).allowOnly(Set.of("balance_transaction_id"));
        SettlementRow row = targetRow(day, request);
        return created(discrepancies.save(new Discrepancy(0, day, Discrepancy.DROP_ROW, row.balanceTransactionId(),
                null, null, row.type(), row.paymentIntentId(), row.paymentOrderId(), row.refundId(), row.currency(),
                clock.instant())));
    }

    /** Body (optional): {@code {"balance_transaction_id", "amount"}}; default amount: the original + 100. */
    @PostMapping("/change-amount")
    ResponseEntity<String> changeAmount(@PathVariable String date, HttpServletRequest http) {
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
    ResponseEntity<String> addRow(@PathVariable String date, HttpServletRequest http) {
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
    ResponseEntity<String> list(@PathVariable String date) {
        LocalDate day = SettlementDate.parse(date);
        return json.render(200, Map.of("object", "list", "data",
                discrepancies.findByDateOrderById(day).stream().map(DiscrepancyView::of).toList())).toEntity();
    }

    @DeleteMapping("/discrepancies")
    ResponseEntity<String> clear(@PathVariable String date) {
        LocalDate day = SettlementDate.parse(date);
        return json.render(200, Map.of("deleted", discrepancies.deleteOn(day))).toEntity();
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

    record DiscrepancyView(long id, String object, LocalDate date, String kind, String balanceTransactionId,
                           Long amount, String type, String paymentIntentId, String paymentOrderId, String refundId,
                           String currency) {
        static DiscrepancyView of(Discrepancy d) {
            return new DiscrepancyView(d.id(), "settlement_discrepancy", d.date(), d.kind(), d.balanceTransactionId(),
                    d.amount(), d.type(), d.paymentIntentId(), d.paymentOrderId(), d.refundId(), d.currency());
        }
    }
}
