package dev.kassa.reconciliation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.reconciliation.run.ReconciliationRunner;
import dev.kassa.reconciliation.run.ReportRun;
import dev.kassa.reconciliation.run.ReportRuns;
import dev.kassa.reconciliation.run.ReportStatus;
import dev.kassa.reconciliation.run.RunInProgressException;
import dev.kassa.reconciliation.run.RunTrigger;
import dev.kassa.reconciliation.settlement.SettlementFileException;
import dev.kassa.reconciliation.support.ReportClient;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ContractResultHandler;
import dev.kassa.web.security.AuditContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may trigger a run, what the run records about them, how the trigger answers what a run cannot do, and what it
 * never accepts, without a database (web slice).
 */
@WebMvcTest(ReconciliationController.class)
@Import({ReconciliationControllerTest.FixedClock.class, ReconciliationAccessRules.class})
@Tag("fast")
class ReconciliationControllerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        }

        /** Every exchange of the slice checked against docs/api/reconciliation-service.json. */
        @Bean
        MockMvcBuilderCustomizer apiContract() {
            return builder -> builder.alwaysDo(ContractResultHandler.of(ReportClient.SERVICE));
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
    void financeTriggersARunThatRecordsWhoAskedFromWhereWithWhichRequest() throws Exception {
        ReportRun completed = new ReportRun(TODAY, UUID.randomUUID(), ReportStatus.COMPLETED, RunTrigger.API,
                Instant.parse("2026-11-20T12:00:00Z"), Instant.parse("2026-11-20T12:00:01Z"), 0, 0, 0, 0, null,
                new AuditContext("operator:test-finance", "opk_test", "127.0.0.1", "req-trigger-1"));
        when(runs.findById(TODAY)).thenReturn(Optional.of(completed));

        http.perform(asFinance(post("/api/v1/reconciliations")).header("X-Request-Id", "req-trigger-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"2026-11-20\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requested_by.actor").value("operator:test-finance"))
                .andExpect(jsonPath("$.requested_by.credential").value("opk_test"))
                .andExpect(jsonPath("$.requested_by.request_id").value("req-trigger-1"));

        ArgumentCaptor<AuditContext> requestedBy = ArgumentCaptor.forClass(AuditContext.class);
        verify(runner).run(eq(TODAY), eq(RunTrigger.API), requestedBy.capture());
        assertThat(requestedBy.getValue()).isEqualTo(
                new AuditContext("operator:test-finance", "opk_test", "127.0.0.1", "req-trigger-1"));
    }

    @Test
    void onlyFinanceTriggersARun() throws Exception {
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.OPERATOR}) {
            http.perform(post("/api/v1/reconciliations").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"2026-11-20\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/forbidden"));
        }
        http.perform(post("/api/v1/reconciliations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\": \"2026-11-20\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/unauthenticated"));
        verifyNoInteractions(runner);
    }

    @Test
    void aRunAlreadyInProgressIsA409ConflictOnTheDate() throws Exception {
        doThrow(new RunInProgressException(TODAY)).when(runner).run(any(), any(), any());

        run("{\"date\": \"2026-11-20\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already running")));
    }

    @Test
    void aSettlementFileThatCannotBeReadIsA502() throws Exception {
        doThrow(new SettlementFileException("The PSP answered 503")).when(runner).run(any(), any(), any());

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

    /** The body types a plain HTML form can send without a CORS preflight are all refused. */
    @Test
    void theTriggerTakesJsonOnlySoAPlainFormCannotStartARun() throws Exception {
        for (MediaType type : new MediaType[] {MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
                MediaType.MULTIPART_FORM_DATA}) {
            http.perform(asFinance(post("/api/v1/reconciliations")).contentType(type)
                            .content("{\"date\": \"2026-11-20\"}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verifyNoInteractions(runner);
    }

    private ResultActions run(String body) throws Exception {
        return http.perform(asFinance(post("/api/v1/reconciliations")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static MockHttpServletRequestBuilder asFinance(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.FINANCE));
    }
}
