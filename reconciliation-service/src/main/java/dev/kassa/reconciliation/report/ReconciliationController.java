package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.run.ReconciliationRunner;
import dev.kassa.reconciliation.run.ReportRuns;
import dev.kassa.reconciliation.run.RunInProgressException;
import dev.kassa.reconciliation.run.RunTrigger;
import dev.kassa.reconciliation.settlement.SettlementFileException;
import dev.kassa.web.FieldViolation;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import dev.kassa.web.RequestLimits;
import dev.kassa.web.security.AuditContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/reconciliations}: run a day on demand, list the runs, read a report as JSON or CSV. Refusals
 * are the web module's problem details; a run that cannot proceed is translated here, at the HTTP edge.
 */
@RestController
@RequestMapping(ReconciliationController.PATH)
@Tag(name = "Reconciliations", description = "One report per UTC day: the PSP's balance transactions against what the"
        + " platform recorded. Every operator role (VIEWER, FINANCE, OPERATOR) reads; FINANCE alone starts a run.")
class ReconciliationController {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String DAY = "The UTC day, `yyyy-MM-dd`; 400 when it is not a real date";

    static final String PATH = "/api/v1/reconciliations";
    static final String ISO_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    private static final Pattern ISO_DATE_PATTERN = Pattern.compile(ISO_DATE);
    private static final int MAX_DISCREPANCIES = 100_000;
    private static final int MAX_MALFORMED_SHOWN = 1000;

    private final ReconciliationRunner runner;
    private final ReportRuns runs;
    private final ReportQueries reports;
    private final DiscrepancyCsvExport csvExport;
    private final Clock clock;

    ReconciliationController(ReconciliationRunner runner, ReportRuns runs, ReportQueries reports,
                             DiscrepancyCsvExport csvExport, Clock clock) {
        this.runner = runner;
        this.runs = runs;
        this.reports = reports;
        this.csvExport = csvExport;
        this.clock = clock;
    }

    /**
     * {@code {"date": "2026-11-20"}}: reconciles that UTC day now (today included, so far) and answers with
     * the report, which records who asked ({@code requested_by}). 409 while another run of the day holds it; 502
     * when the PSP's settlement file let us down (the run is then recorded as FAILED). JSON only: any other body
     * type is a 415 before anything runs.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reconcile a UTC day now (FINANCE)",
            description = "Reads the PSP's balance transactions of the day, compares them with the platform's records,"
                    + " replaces the day's report and answers with it (its first 1,000 discrepancies); only findings"
                    + " new to the day are published. Today reconciles what the PSP has booked so far; a day can be"
                    + " rerun any time. Only an operator with the FINANCE role (VIEWER and OPERATOR: 403). A large day"
                    + " takes a while: a second request for the day meanwhile is a 409, and"
                    + " `GET /api/v1/reconciliations/{date}` shows the run `RUNNING` until it ends.")
    @ApiResponse(responseCode = "200", description = "The run completed; the day's report",
            headers = @Header(name = "Location", description = "The report: `/api/v1/reconciliations/{date}`",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReportView.class)))
    @ApiResponse(responseCode = "409", description = "Another run of this day is running (`conflict`); wait for it,"
            + " then read the report", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "The day is in the future (`unprocessable-request`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "502", description = "The PSP's balance transactions could not be read"
            + " (`settlement-file-unavailable`): the report is `FAILED` with the reason and keeps the last completed"
            + " run's figures; run it again later",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    ResponseEntity<ReportView> run(@Valid @RequestBody RunRequest request) {
        LocalDate date = parseDate("date", request.date());
        if (date.isAfter(LocalDate.now(clock))) {
            throw KassaProblem.unprocessable("date", "is in the future; the PSP settles a UTC day once it has begun");
        }
        try {
            runner.run(date, RunTrigger.API, AuditContext.current().orElseThrow(
                    () -> new IllegalStateException("a run through the API is always started by a request")));
        } catch (RunInProgressException e) {
            throw KassaProblem.conflict("date", "a reconciliation of this date is already running; wait for it to "
                    + "finish, then GET /api/v1/reconciliations/" + e.date());
        } catch (SettlementFileException e) {
            throw new KassaProblem(ProblemType.SETTLEMENT_FILE_UNAVAILABLE, e.getMessage(), List.of(), e);
        }
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/reconciliations/" + date))
                .body(view(date, 1000));
    }

    @GetMapping
    @Operation(summary = "The reports, newest day first",
            description = "Each day's latest run (status, trigger, who asked) and figures, without its rows. Any"
                    + " operator role.")
    ReportList list(@RequestParam(name = "limit", required = false)
                    @Parameter(description = "At most this many days, 1 to 366; default 30",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "366")) String limit) {
        Limit newest = Limit.of(RequestLimits.within("limit", limit, 30, 1, 366));
        return new ReportList(runs.findAllByOrderByReportDateDesc(newest).stream().map(ReportSummary::of).toList());
    }

    @GetMapping(value = "/{date}.csv")
    @Operation(summary = "Every discrepancy of a day, as CSV",
            description = "One row per finding, in the report's order, streamed (no cap), with a header row:"
                    + " `report_date, type, payment_order_id, psp_reference, refund_id, balance_transaction_id,"
                    + " seller_account, line_number, currency, expected, actual, expected_minor, actual_minor, detail,"
                    + " dispute_id, expected_fee_minor, actual_fee_minor` (columns added later go last). Text cells a"
                    + " spreadsheet would evaluate (starting with `= + - @`) get a leading `'`. Any operator role;"
                    + " 404 when the day has no report.")
    @ApiResponse(responseCode = "200",
            description = "The findings: UTF-8, comma-separated, quoted where needed, `\\n` line ends",
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"reconciliation-"
                    + "{date}.csv\"`", schema = @Schema(type = "string")),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples =
            @ExampleObject(value = "report_date,type,payment_order_id,"
                    + "psp_reference,refund_id,balance_transaction_id,seller_account,line_number,currency,expected,"
                    + "actual,expected_minor,actual_minor,detail,dispute_id,expected_fee_minor,actual_fee_minor\n")))
    ResponseEntity<StreamingResponseBody> csv(@PathVariable("date") @Parameter(description = DAY,
            example = "2026-11-20", schema = @Schema(type = "string", format = "date")) String date) {
        LocalDate day = pathDate(date);
        ensureExists(day);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + day + ".csv\"")
                .body(csvExport.body(day));
    }

    @GetMapping("/{date}")
    @Operation(summary = "A day's report",
            description = "Its latest run, totals per currency, discrepancies (the first `limit`; the CSV export has"
                    + " them all) and the PSP's lines it could not use. Any operator role; 404 when the day has never"
                    + " been reconciled.")
    ReportView report(@PathVariable("date") @Parameter(description = DAY, example = "2026-11-20",
                              schema = @Schema(type = "string", format = "date")) String date,
                      @RequestParam(name = "limit", required = false)
                      @Parameter(description = "At most this many discrepancies, 0 to 100,000; default 1,000",
                              schema = @Schema(type = "integer", minimum = "0", maximum = "100000")) String limit) {
        LocalDate day = pathDate(date);
        return view(day, RequestLimits.within("limit", limit, 1000, 0, MAX_DISCREPANCIES));
    }

    private ReportView view(LocalDate date, int limit) {
        ReportSummary summary = ensureExists(date);
        List<DiscrepancyView> discrepancies = reports.discrepancies(date, limit).stream()
                .map(DiscrepancyView::of).toList();
        return new ReportView(summary.date(), summary.status(), summary.trigger(), summary.requestedBy(),
                summary.startedAt(), summary.finishedAt(), summary.error(), summary.rowsRead(), summary.matchedCount(),
                summary.discrepancyCount(), summary.malformedCount(), reports.totals(date), discrepancies,
                discrepancies.size() < summary.discrepancyCount(), reports.malformedRows(date, MAX_MALFORMED_SHOWN));
    }

    private ReportSummary ensureExists(LocalDate date) {
        return runs.findById(date).map(ReportSummary::of).orElseThrow(() -> new KassaProblem(ProblemType.NOT_FOUND,
                "No reconciliation of " + date + " has run; start one with POST /api/v1/reconciliations",
                List.of(new FieldViolation("date", "has no reconciliation report")), null));
    }

    private static LocalDate pathDate(String value) {
        return parseDate("date", value);
    }

    private static LocalDate parseDate(String field, String value) {
        if (value == null || !ISO_DATE_PATTERN.matcher(value).matches()) {
            throw KassaProblem.invalid(field, "must be a date in the form yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw KassaProblem.invalid(field, "is not a real calendar date");
        }
    }
}
