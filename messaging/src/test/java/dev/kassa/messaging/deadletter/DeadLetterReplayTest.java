package dev.kassa.messaging.deadletter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static dev.kassa.messaging.support.TestTopics.REPLAY;
import static dev.kassa.messaging.support.TestTopics.REPLAY_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.consumer.ConsumerTopics;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.serde.UndecodableRecordException;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.web.security.RequestIdFilter;
import dev.kassa.testfixtures.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operator replay over HTTP: a replayed record takes effect once, one replayed too often is parked, all are audited. */
class DeadLetterReplayTest extends SpringMessagingTest {

    private static final String DLT = Topics.deadLetterTopic(REPLAY, REPLAY_GROUP);
    /** A replay goes to the group's first retry topic, which only that group reads. */
    private static final String REPLAY_DESTINATION = ConsumerTopics.replayTopic(DLT);
    private static final String REQUEST_ID = "req_dead-letter-replay-test";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private MockMvc http;

    @BeforeEach
    void http() {
        http = MockMvcBuilders.webAppContextSetup(context).addFilters(new RequestIdFilter()).apply(springSecurity())
                .defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.OPERATOR))
                        .header("X-Request-Id", REQUEST_ID))
                .build();
    }

    @Test
    void aReplayedRecordIsProcessedOnceAndReplayingItAgainChangesNothing() throws Exception {
        String eventId = publish(REPLAY, "po-replay", event("po-replay"),
                id -> handlers.rejectAsInvalid(REPLAY_GROUP, id));
        await().atMost(WAIT).until(() -> deadLetterCopies(eventId).size() == 1);

        http.perform(get("/admin/dead-letters").param("topic", DLT).param("limit", "500"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.event_id == '%s')].exception_class", eventId)
                        .value(InvalidEventException.class.getName()))
                .andExpect(jsonPath("$[?(@.event_id == '%s')].original_topic", eventId).value(REPLAY))
                .andExpect(jsonPath("$[?(@.event_id == '%s')].record_type", eventId)
                        .value("dev.kassa.schemas.event.PaymentOrderSucceeded"))
                .andExpect(jsonPath("$[?(@.event_id == '%s')].replay_count", eventId).value(0));

        long destinationBefore = readAll(REPLAY_DESTINATION).size();
        http.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                        .content(replayBody(eventId, true)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dry_run").value(true))
                .andExpect(jsonPath("$.replayed").value(1))
                .andExpect(jsonPath("$.audit_id").doesNotExist());
        assertThat(readAll(REPLAY_DESTINATION)).as("a dry run sends nothing").hasSize((int) destinationBefore);

        handlers.heal(REPLAY_GROUP, eventId);
        int auditsBefore = audits();
        replay(eventId).andExpect(jsonPath("$.replayed").value(1)).andExpect(jsonPath("$.audit_id").isNumber());
        await().atMost(WAIT).until(() -> handlers.effects(REPLAY_GROUP, eventId) == 1);

        ConsumerRecord<String, byte[]> replayed = readAll(REPLAY_DESTINATION).stream()
                .filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))
                        && r.headers().lastHeader(KassaHeaders.REPLAY_COUNT) != null)
                .findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> dead = deadLetterCopies(eventId).getFirst();
        assertThat(replayed.key()).isEqualTo("po-replay");
        assertThat(replayed.value()).isEqualTo(dead.value());
        assertThat(TopicReader.header(replayed, KassaHeaders.REPLAY_COUNT)).isEqualTo("1");
        assertThat(replayed.headers()).noneMatch(h -> h.key().startsWith("kafka_") || h.key().startsWith("retry_topic"));

        replay(eventId).andExpect(jsonPath("$.replayed").value(1));
        await().atMost(WAIT).until(() -> handlers.attempts(REPLAY_GROUP, eventId).size() == 2);
        assertThat(handlers.effects(REPLAY_GROUP, eventId)).as("the second replay is a skipped duplicate").isEqualTo(1);
        assertThat(audits()).isEqualTo(auditsBefore + 2);
        assertThat(jdbc.queryForMap("SELECT actor, credential, client_address, request_id FROM dead_letter_replay "
                + "WHERE dlt_topic = ? ORDER BY id DESC LIMIT 1", DLT))
                .as("the audit row names who replayed, with which key, from where and in which request")
                .containsEntry("actor", "operator:test-operator").containsEntry("credential", "opk_test")
                .containsEntry("client_address", "127.0.0.1").containsEntry("request_id", REQUEST_ID);
    }

    @Test
    void aRecordReplayedMoreThanTheLimitIsParkedAndEveryReplayIsAudited() throws Exception {
        String eventId = publish(REPLAY, "po-loop", event("po-loop"),
                id -> handlers.rejectAsInvalid(REPLAY_GROUP, id));
        await().atMost(WAIT).until(() -> deadLetterCopies(eventId).size() == 1);
        int auditsBefore = audits();

        for (int round = 1; round <= 3; round++) {
            replay(eventId).andExpect(jsonPath("$.replayed").value(1)).andExpect(jsonPath("$.parked").value(0));
            int copies = round + 1;
            await().atMost(WAIT).until(() -> deadLetterCopies(eventId).size() == copies);
        }
        replay(eventId).andExpect(jsonPath("$.replayed").value(0)).andExpect(jsonPath("$.parked").value(1))
                .andExpect(jsonPath("$.skipped").value(3));

        List<ConsumerRecord<String, byte[]>> parked = readAll(ConsumerTopics.parkingTopic(DLT)).stream()
                .filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))).toList();
        assertThat(parked).hasSize(1);
        assertThat(parked.getFirst().key()).isEqualTo("po-loop");
        assertThat(TopicReader.header(parked.getFirst(), KassaHeaders.REPLAY_COUNT)).isEqualTo("3");
        assertThat(handlers.attempts(REPLAY_GROUP, eventId)).hasSize(4);
        assertThat(audits()).isEqualTo(auditsBefore + 4);
        assertThat(jdbc.queryForObject("SELECT parked FROM dead_letter_replay ORDER BY id DESC LIMIT 1", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aDeadLetterListsWithItsValueAsJsonAndGarbageWithNone() throws Exception {
        String key = "po-payload-" + UUID.randomUUID();
        String eventId = publish(REPLAY, key, event(key), id -> handlers.rejectAsInvalid(REPLAY_GROUP, id));
        String garbageKey = "po-garbage-" + UUID.randomUUID();
        sendRaw(REPLAY, garbageKey, "definitely not avro".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> readAll(DLT).stream()
                .filter(r -> key.equals(r.key()) || garbageKey.equals(r.key())).count() == 2);

        String listing = http.perform(get("/admin/dead-letters").param("topic", DLT).param("limit", "500"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        List<String> payloads = JsonPath.read(listing, "$[?(@.key == '" + key + "')].payload");
        assertThat(payloads).hasSize(1);
        JsonNode payload = JsonMapper.builder().build().readTree(payloads.getFirst());
        assertThat(payload.get("event_id").asString()).isEqualTo(eventId);
        assertThat(payload.get("payment_order_id").asString()).isEqualTo(key);
        assertThat(payload.get("amount_minor").asLong()).isEqualTo(2999);

        List<Map<String, Object>> garbage = JsonPath.read(listing, "$[?(@.key == '" + garbageKey + "')]");
        assertThat(garbage).singleElement().satisfies(letter -> {
            assertThat(letter.get("payload")).as("undecodable bytes have no payload").isNull();
            assertThat(letter.get("record_type")).isNull();
            assertThat(letter).as("the other fields as before").containsEntry("original_topic", REPLAY)
                    .containsEntry("exception_class", UndecodableRecordException.class.getName());
        });
    }

    @Test
    void theReplayAuditListsTheNewestReplayFirstWithWhoAndHowMany() throws Exception {
        String eventId = publish(REPLAY, "po-audit", event("po-audit"),
                id -> handlers.rejectAsInvalid(REPLAY_GROUP, id));
        await().atMost(WAIT).until(() -> deadLetterCopies(eventId).size() == 1);
        handlers.heal(REPLAY_GROUP, eventId);

        long nothing = auditId(replay("no-such-event").andExpect(jsonPath("$.selected").value(0)));
        long replayed = auditId(replay(eventId).andExpect(jsonPath("$.replayed").value(1)));
        await().atMost(WAIT).until(() -> handlers.effects(REPLAY_GROUP, eventId) == 1);

        http.perform(get("/admin/dead-letters/replays").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(replayed))
                .andExpect(jsonPath("$[0].replayed_at").isString())
                .andExpect(jsonPath("$[0].actor").value("operator:test-operator"))
                .andExpect(jsonPath("$[0].credential").value("opk_test"))
                .andExpect(jsonPath("$[0].client_address").value("127.0.0.1"))
                .andExpect(jsonPath("$[0].request_id").value(REQUEST_ID))
                .andExpect(jsonPath("$[0].topic").value(DLT))
                .andExpect(jsonPath("$[0].selection").value(containsString("event_ids=[" + eventId + "]")))
                .andExpect(jsonPath("$[0].selected").value(1))
                .andExpect(jsonPath("$[0].replayed").value(1))
                .andExpect(jsonPath("$[0].parked").value(0))
                .andExpect(jsonPath("$[0].skipped").value(0))
                .andExpect(jsonPath("$[0].result").value("REPLAYED"))
                .andExpect(jsonPath("$[0].records").value(containsString(":REPLAY->" + REPLAY_DESTINATION)))
                .andExpect(jsonPath("$[0].error").value(nullValue()))
                .andExpect(jsonPath("$[1].id").value(nothing))
                .andExpect(jsonPath("$[1].result").value("NOTHING_SELECTED"))
                .andExpect(jsonPath("$[1].selected").value(0));
        // The default page holds both, newest first.
        http.perform(get("/admin/dead-letters/replays"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(replayed))
                .andExpect(jsonPath("$[1].id").value(nothing));
    }

    @Test
    void aReplayAuditLimitThatIsNoWholeNumberFrom1To500IsA400() throws Exception {
        for (String limit : List.of("0", "abc")) {
            http.perform(get("/admin/dead-letters/replays").param("limit", limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://kassa.dev/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("limit"));
        }
    }

    @Test
    void badRequestsAreAnsweredWithProblemDetails() throws Exception {
        http.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"payment.results\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("topic"));
        http.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"" + DLT + "\",\"from_offset\":5,\"to_offset\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to_offset"));
        http.perform(get("/admin/dead-letters").param("topic", DLT).param("partition", "99"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partition"));
        http.perform(get("/admin/dead-letters"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theTopicsEndpointNamesEveryDeadLetterAndParkingTopicOfTheService() throws Exception {
        http.perform(get("/admin/dead-letters/topics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*]").value(org.hamcrest.Matchers.hasItems(DLT, DLT + ".parking")));
    }

    private org.springframework.test.web.servlet.ResultActions replay(String eventId) throws Exception {
        return http.perform(post("/admin/dead-letters/replay").contentType(MediaType.APPLICATION_JSON)
                        .content(replayBody(eventId, false)))
                .andExpect(status().isOk());
    }

    private static long auditId(org.springframework.test.web.servlet.ResultActions replay) throws Exception {
        return ((Number) JsonPath.read(replay.andReturn().getResponse().getContentAsString(), "$.audit_id")).longValue();
    }

    private static String replayBody(String eventId, boolean dryRun) {
        return "{\"topic\":\"" + DLT + "\",\"event_ids\":[\"" + eventId + "\"],\"dry_run\":" + dryRun + "}";
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetterCopies(String eventId) {
        return readAll(DLT).stream().filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))).toList();
    }

    private int audits() {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_replay WHERE dlt_topic = ?", Integer.class, DLT);
    }
}
