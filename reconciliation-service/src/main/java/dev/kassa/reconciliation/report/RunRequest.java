package dev.kassa.reconciliation.report;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/v1/reconciliations}: {@code {"date": "2026-11-20"}}, a UTC day. */
record RunRequest(@Schema(description = "The UTC day to reconcile: today or earlier", example = "2026-11-20",
                          format = "date")
                  @NotNull(message = "is required")
                  @Pattern(regexp = ReconciliationController.ISO_DATE, message = "must be a date in the form yyyy-MM-dd")
                  String date) {
}
