package dev.kassa.reconciliation.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.reconciliation.run.ReconciliationRunner;
import dev.kassa.reconciliation.run.ReportRuns;
import dev.kassa.reconciliation.run.RunInProgressException;
import dev.kassa.reconciliation.settlement.SettlementFileException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** How the trigger answers what a run cannot do, and what it never accepts, without a database (web slice). */
@WebMvcTest(ReconciliationController.class)
@Import(ReconciliationControllerTest.FixedClock.class)
@Tag("fast")
class ReconciliationControllerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc http;
    @MockitoBean
    ReconciliationRunner runner;
    @MockitoBean
    ReportRuns runs;
    @MockitoBean
    ReportQueries reports;
    @MockitoBean
    DiscrepancyCsvExport csvExport;

    @Test
    void aRunAlreadyInProgressIsA409ConflictOnTheDate() throws Exception {
        doThrow(new RunInProgressException(TODAY)).when(runner).run(any(), any());

        run("{\"date\": \"2026-11-20\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already running")));
    }

    @Test
    void aSettlementFileThatCannotBeReadIsA502() throws Exception {
        doThrow(new SettlementFileException("The PSP answered 503")).when(runner).run(any(), any());

        run("{\"date\": \"2026-11-19\"}")
                .andExpect(status().isBadGateway())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/settlement-file-unavailable"))
                .andExpect(jsonPath("$.detail").value("The PSP answered 503"));
    }

    @Test
    void aDayThatHasNotBegunIsUnprocessable() throws Exception {
        run("{\"date\": \"2026-11-21\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/unprocessable-request"))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        verifyNoInteractions(runner);
    }

    @Test
    void theTriggerTakesJsonOnlySoAPlainFormCannotStartARun() throws Exception {
        http.perform(post("/api/v1/reconciliations").contentType(MediaType.TEXT_PLAIN).content("{\"date\": \"2026-11-20\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(runner);
    }

    private ResultActions run(String body) throws Exception {
        return http.perform(post("/api/v1/reconciliations").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
