package dev.kassa.messaging.deadletter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.testfixtures.TestKeys;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.security.BearerKeys;
import dev.kassa.web.security.KassaActor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The dead-letter endpoints' input rules and error shape, without Kafka: the same problem details as the
 * service's own API (the shared advice), never a 500 for bad input.
 */
@WebMvcTest(DeadLetterController.class)
@Tag("fast")
class DeadLetterControllerTest {

    private static final String DLT = "payment.results.wallet-service.dlt";

    /** A merchant's key, as payment-service's merchant keys (or wallet's remote check of them) would answer. */
    private static final String MERCHANT_KEY = "sk_test_deadLetterMerchant000000000";

    @SpringBootConfiguration
    @Import({DeadLetterController.class, DeadLetterAccessRules.class})
    static class Config {

        @Bean
        BearerKeys merchantKeys() {
            return new BearerKeys() {
                @Override
                public boolean claims(String key) {
                    return key.startsWith("sk_");
                }

                @Override
                public Optional<KassaActor> authenticate(String key) {
                    return MERCHANT_KEY.equals(key) ? Optional.of(KassaActor.merchant("m_a", "sk_test_dead"))
                            : Optional.empty();
                }
            };
        }

        /** Every request of these input tests comes from an operator; the role tests set their own key. */
        @Bean
        MockMvcBuilderCustomizer operatorByDefault() {
            return builder -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION,
                    TestKeys.bearer(TestKeys.OPERATOR)));
        }
    }

    @Autowired
    MockMvc http;
    @Autowired
    WebApplicationContext context;
    @MockitoBean
    DeadLetterService deadLetters;

    @Test
    void anUnknownTopicIsA400NamingTheTopic() throws Exception {
        when(deadLetters.list(eq("nope"), any(), any(), anyInt()))
                .thenThrow(KassaProblem.invalid("topic", "'nope' is not a dead-letter topic of this service"));

        invalid(http.perform(get("/admin/dead-letters").param("topic", "nope")), "topic")
                .andExpect(jsonPath("$.errors[0].reason").value("'nope' is not a dead-letter topic of this service"));
    }

    @Test
    void parametersAreCheckedBeforeKafkaIsAsked() throws Exception {
        invalid(http.perform(get("/admin/dead-letters")), "topic")
                .andExpect(jsonPath("$.errors[0].reason").value("is required"));
        invalid(http.perform(get("/admin/dead-letters").param("topic", DLT).param("from_offset", "-1")), "from_offset");
        invalid(http.perform(get("/admin/dead-letters").param("topic", DLT).param("limit", "many")), "limit")
                .andExpect(jsonPath("$.errors[0].reason").value("must be a whole number"));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void aReplayBodyIsValidatedAndAMistypedFieldNeverReplaysForReal() throws Exception {
        invalid(replay("{\"from_offset\": 1}"), "topic");
        invalid(replay("{\"topic\": \"" + DLT + "\", \"event_ids\": [\"e1\", \" \"]}"), "event_ids[1]")
                .andExpect(jsonPath("$.errors[0].reason").value("must not contain blank ids"));
        invalid(replay("{\"topic\": \"" + DLT + "\", \"to_offset\": -3}"), "to_offset");
        invalid(replay("{\"topic\": \"" + DLT + "\", \"dryrun\": true}"), "dryrun")
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
        invalid(replay("{\"topic\": \"" + DLT + "\", \"partition\": \"0\"}"), "partition");
        invalid(replay("{not json"), "body");
        verifyNoInteractions(deadLetters);
    }

    @Test
    void kafkaNotAnsweringInTimeIsA503ThatInvitesARetry() throws Exception {
        when(deadLetters.list(eq(DLT), any(), any(), anyInt()))
                .thenThrow(new DeadLetterReader.DeadLetterReadTimeoutException("Reading " + DLT + "-0 took longer than 5s"));

        http.perform(get("/admin/dead-letters").param("topic", DLT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/temporarily-unavailable"));
    }

    @Test
    void aValidReplayIsAnsweredAsBefore() throws Exception {
        when(deadLetters.replay(any())).thenReturn(new ReplayResult(7L, DLT, true, 0, 0, 0, 0, List.of()));

        replay("{\"topic\": \"" + DLT + "\", \"dry_run\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.topic").value(DLT));
    }

    @Test
    void everyOperatorRoleListsButOnlyTheOperatorReplays() throws Exception {
        when(deadLetters.replay(any())).thenReturn(new ReplayResult(7L, DLT, true, 0, 0, 0, 0, List.of()));
        String body = "{\"topic\": \"" + DLT + "\", \"dry_run\": true}";
        for (String key : List.of(TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR)) {
            http.perform(get("/admin/dead-letters/topics").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key)))
                    .andExpect(status().isOk());
        }
        for (String key : List.of(TestKeys.VIEWER, TestKeys.FINANCE)) {
            http.perform(post("/admin/dead-letters/replay").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/forbidden"));
        }
        verify(deadLetters, never()).replay(any());
    }

    @Test
    void theReplayAuditIsReadByEveryOperatorRoleInSnakeCase() throws Exception {
        when(deadLetters.replays(anyInt())).thenReturn(List.of(new ReplayAuditView(12L,
                Instant.parse("2026-03-01T10:15:30Z"), "operator:ada", "opk_test", "10.0.0.7", "req_1", DLT,
                "partition=all from_offset=start to_offset=end event_ids=[e1]", 1, 1, 0, 0, "REPLAYED",
                "3@41:REPLAY->" + DLT + ".retry-0", null)));

        for (String key : List.of(TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR)) {
            http.perform(get("/admin/dead-letters/replays").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].id").value(12))
                    .andExpect(jsonPath("$[0].replayed_at").value("2026-03-01T10:15:30Z"))
                    .andExpect(jsonPath("$[0].actor").value("operator:ada"))
                    .andExpect(jsonPath("$[0].client_address").value("10.0.0.7"))
                    .andExpect(jsonPath("$[0].request_id").value("req_1"))
                    .andExpect(jsonPath("$[0].topic").value(DLT))
                    .andExpect(jsonPath("$[0].skipped").value(0))
                    .andExpect(jsonPath("$[0].error").value(nullValue()));
        }
        verify(deadLetters, times(3)).replays(DeadLetterController.DEFAULT_REPLAYS);
        http.perform(get("/admin/dead-letters/replays").param("limit", "500")).andExpect(status().isOk());
        verify(deadLetters).replays(500);
    }

    @Test
    void aReplayAuditLimitOutside1To500IsA400NamingIt() throws Exception {
        for (String limit : List.of("0", "abc", "501", "-1", "", "1.5")) {
            invalid(http.perform(get("/admin/dead-letters/replays").param("limit", limit)), "limit")
                    .andExpect(jsonPath("$.errors[0].reason").value("must be a whole number from 1 to 500"));
        }
        verifyNoInteractions(deadLetters);
    }

    @Test
    void aMerchantKeyIsForbiddenEveryDeadLetterEndpoint() throws Exception {
        for (String path : List.of("/admin/dead-letters/replays", "/admin/dead-letters/topics")) {
            http.perform(get(path).header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(MERCHANT_KEY)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/forbidden"));
        }
        http.perform(get("/admin/dead-letters").param("topic", DLT)
                        .header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(MERCHANT_KEY)))
                .andExpect(status().isForbidden());
        verifyNoInteractions(deadLetters);
    }

    @Test
    void anAnonymousCallerGets401AndNothingIsRead() throws Exception {
        MockMvc anonymous = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        anonymous.perform(get("/admin/dead-letters").param("topic", DLT)).andExpect(status().isUnauthorized());
        anonymous.perform(get("/admin/dead-letters/replays")).andExpect(status().isUnauthorized());
        anonymous.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\": \"" + DLT + "\"}")).andExpect(status().isUnauthorized());
        verifyNoInteractions(deadLetters);
    }

    private ResultActions replay(String body) throws Exception {
        return http.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions invalid(ResultActions result, String field) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
