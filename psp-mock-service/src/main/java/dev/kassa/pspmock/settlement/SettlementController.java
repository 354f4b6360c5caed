package dev.kassa.pspmock.settlement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
class SettlementController {

    private final SettlementFile file;

    SettlementController(SettlementFile file) {
        this.file = file;
    }

    @GetMapping("/admin/settlements/{date}")
    void download(@PathVariable String date, HttpServletResponse response) throws IOException {
        LocalDate day = SettlementDate.parse(date);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"settlement-" + day + ".csv\"");
        file.write(day, response.getWriter());
    }
}
