package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.run.ReconciliationRunner;
import dev.kassa.reconciliation.run.RunTrigger;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/reconciliations}: run a day on demand, list the runs, read a report as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/reconciliations")
class ReconciliationController {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_]{1,40}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int MAX_BODY_BYTES = 1024;
    private static final int MAX_DISCREPANCIES = 100_000;
    private static final int MAX_MALFORMED_SHOWN = 1000;

    private final ReconciliationRunner runner;
    private final ReportQueries reports;
    private final DiscrepancyCsvExport csvExport;
    private final JsonMapper json;
    private final Clock clock;

    ReconciliationController(ReconciliationRunner runner, ReportQueries reports, DiscrepancyCsvExport csvExport,
                             JsonMapper json, Clock clock) {
        this.runner = runner;
        this.reports = reports;
        this.csvExport = csvExport;
        this.json = json;
        this.clock = clock;
    }

    /**
     * {@code {"date": "2026-11-20"}}: reconciles that UTC day now (today included, so far) and answers with
     * the report. The body is read by hand to name exactly what is wrong with it.
     */
    @PostMapping
    ResponseEntity<ReportView> run(HttpServletRequest request) throws IOException {
        LocalDate date = requestedDate(readBody(request));
        runner.run(date, RunTrigger.API);
        return ResponseEntity.ok()
                .location(URI.create("/api/v1/reconciliations/" + date))
                .body(view(date, 1000));
    }

    @GetMapping
    Map<String, List<ReportSummary>> list(@RequestParam(name = "limit", required = false) String limit) {
        return Map.of("reconciliations", reports.list(boundedInt("limit", limit, 30, 1, 366)));
    }

    @GetMapping(value = "/{date}.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable("date") String date) {
        LocalDate day = pathDate(date);
        ensureExists(day);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + day + ".csv\"")
                .body(csvExport.body(day));
    }

    @GetMapping("/{date}")
    ReportView report(@PathVariable("date") String date,
                      @RequestParam(name = "limit", required = false) String limit) {
        LocalDate day = pathDate(date);
        return view(day, boundedInt("limit", limit, 1000, 0, MAX_DISCREPANCIES));
    }

    private ReportView view(LocalDate date, int limit) {
        ReportSummary summary = ensureExists(date);
        List<DiscrepancyView> discrepancies = reports.discrepancies(date, limit).stream()
                .map(DiscrepancyView::of).toList();
        return new ReportView(summary.date(), summary.status(), summary.trigger(), summary.startedAt(),
                summary.finishedAt(), summary.error(), summary.rowsRead(), summary.matchedCount(),
                summary.discrepancyCount(), summary.malformedCount(), reports.totals(date), discrepancies,
                discrepancies.size() < summary.discrepancyCount(), reports.malformedRows(date, MAX_MALFORMED_SHOWN));
    }

    private ReportSummary ensureExists(LocalDate date) {
        return reports.summary(date).orElseThrow(() -> ApiProblem.notFound("date",
                "No reconciliation of " + date + " has run; start one with POST /api/v1/reconciliations"));
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw ApiProblem.tooLarge(MAX_BODY_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiProblem.tooLarge(MAX_BODY_BYTES);
            }
            return body;
        }
    }

    private LocalDate requestedDate(byte[] body) {
        if (body.length == 0) {
            throw ApiProblem.invalid("body", "is missing; send {\"date\": \"yyyy-MM-dd\"}");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.invalid("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object such as {\"date\": \"2026-11-20\"}");
        }
        for (String name : root.propertyNames()) {
            if (!"date".equals(name)) {
                // Named back only if it is a plain word: a field name is client input too (it could be a card number).
                throw FIELD_NAME.matcher(name).matches()
                        ? ApiProblem.invalid(name, "is not a known field")
                        : ApiProblem.invalid("body", "has an unknown field; the only field is date");
            }
        }
        JsonNode date = root.get("date");
        if (date == null || date.isNull()) {
            throw ApiProblem.invalid("date", "is required");
        }
        if (!date.isString()) {
            throw ApiProblem.invalid("date", "must be a string in the form yyyy-MM-dd");
        }
        LocalDate day = parseDate("date", date.asString());
        if (day.isAfter(LocalDate.now(clock))) {
            throw ApiProblem.unprocessable("date", "is in the future; the PSP settles a UTC day once it has begun");
        }
        return day;
    }

    private static LocalDate pathDate(String value) {
        return parseDate("date", value);
    }

    private static LocalDate parseDate(String field, String value) {
        if (value == null || !ISO_DATE.matcher(value).matches()) {
            throw ApiProblem.invalid(field, "must be a date in the form yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "is not a real calendar date");
        }
    }

    private static int boundedInt(String field, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalid(field, "must be an integer from " + min + " to " + max);
    }
}
