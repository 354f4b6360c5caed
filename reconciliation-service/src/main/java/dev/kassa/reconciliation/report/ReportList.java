package dev.kassa.reconciliation.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/reconciliations}: the reports, newest day first. */
record ReportList(@Schema(description = "Newest day first, at most `limit`") List<ReportSummary> reconciliations) {
}
