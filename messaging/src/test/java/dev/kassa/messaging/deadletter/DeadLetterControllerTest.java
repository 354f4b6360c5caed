package dev.kassa.messaging.deadletter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
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
import java.util.List;
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

    @SpringBootConfiguration
    @Import({DeadLetterController.class, DeadLetterAccessRules.class})
    static class Config {

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
    void anAnonymousCallerGets401AndNothingIsRead() throws Exception {
        MockMvc anonymous = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        anonymous.perform(get("/admin/dead-letters").param("topic", DLT)).andExpect(status().isUnauthorized());
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
