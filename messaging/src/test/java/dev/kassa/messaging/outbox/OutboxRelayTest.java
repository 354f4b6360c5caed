package dev.kassa.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.KafkaBroker;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.WithLocalStack;
import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.access.KafkaAccess;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The relay against the real broker and PostgreSQL: crash, outage, two relays, wake-up, polling, cleanup. */
@WithLocalStack
class OutboxRelayTest {

    private static final Duration FAST_POLL = Duration.ofMillis(200);

    @Test
    void aCrashBetweenCommitAndSendLosesNothing() throws Exception {
        String topic = "relay.crash";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_crash")) {
            // Relay A is the active publisher but its sends are never acknowledged (nothing listens there).
            RelayFixture.Relay a = db.relay("relay-a", Map.of("bootstrap.servers", "127.0.0.1:" + unusedPort()),
                    RelayFixture.settings(FAST_POLL, Duration.ofSeconds(2)));
            a.relay().start();
            String eventId = db.publish(topic, "po-crash", event("po-crash"));
            await().atMost(Duration.ofSeconds(20)).until(() -> a.relay().isActivePublisher() && a.sendFailures() > 0);
            assertThat(db.unsent()).isEqualTo(1);

            // The process dies: its sessions end (lock released, batch transaction rolled back).
            assertThat(db.killSessionsOf("relay-a")).isPositive();
            a.relay().stop();
            a.sender().destroy();
            assertThat(db.unsent()).as("nothing was marked sent without an acknowledgement").isEqualTo(1);

            // After the restart the record arrives, as committed.
            RelayFixture.Relay b = db.relay("relay-b", bootstrap(), RelayFixture.settings(FAST_POLL, Duration.ofSeconds(10)));
            b.relay().start();
            await().atMost(Duration.ofSeconds(20)).until(() -> db.unsent() == 0);
            ConsumerRecord<String, byte[]> record = single(new TopicReader(bootstrap()).readAll(topic), eventId);
            assertThat(record.key()).isEqualTo("po-crash");
            assertThat(TopicReader.header(record, KassaHeaders.EVENT_TYPE)).isEqualTo(PaymentOrderSucceeded.getClassSchema().getFullName());
            PaymentOrderSucceeded decoded = (PaymentOrderSucceeded) new KassaAvroDeserializer().deserialize(topic, record.value());
            assertThat(decoded.getEventId()).isEqualTo(eventId);
        }
    }

    @Test
    void aBrokerOutageDelaysButLosesNothingAndKeepsOrderPerKey() {
        String topic = "outage.orders";
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults());
             RelayFixture db = new RelayFixture("relay_outage")) {
            broker.createTopics(Map.of(topic, 3));
            RelayFixture.Relay relay = db.relay("relay", broker.superUserClientProperties(),
                    RelayFixture.settings(FAST_POLL, Duration.ofSeconds(3)));
            relay.relay().start();
            Map<String, List<String>> publishedByKey = new LinkedHashMap<>();
            publishRound(db, topic, publishedByKey, 30);
            await().atMost(Duration.ofSeconds(20)).until(() -> db.unsent() == 0);

            broker.stop();
            publishRound(db, topic, publishedByKey, 60);
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.sendFailures() > 0);
            assertThat(db.unsent()).isEqualTo(60);

            broker.restart();
            await().atMost(Duration.ofSeconds(60)).until(() -> db.unsent() == 0);

            Map<String, List<String>> receivedByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : new TopicReader(broker.superUserClientProperties()).readAll(topic)) {
                List<String> ids = receivedByKey.computeIfAbsent(record.key(), k -> new ArrayList<>());
                String id = TopicReader.header(record, KassaHeaders.EVENT_ID);
                if (!ids.contains(id)) { // at least once: a resent duplicate does not count twice
                    ids.add(id);
                }
            }
            assertThat(receivedByKey).as("every event, in publish order per key").isEqualTo(publishedByKey);
        }
    }

    @Test
    void ofTwoRelaysOnOneDatabaseOnlyOnePublishesAndTheOtherTakesOver() {
        String topic = "relay.pair";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_pair")) {
            RelayFixture.Relay first = db.relay("first", bootstrap(), RelayFixture.settings(FAST_POLL, Duration.ofSeconds(10)));
            RelayFixture.Relay second = db.relay("second", bootstrap(), RelayFixture.settings(FAST_POLL, Duration.ofSeconds(10)));
            first.relay().start();
            second.relay().start();
            Set<String> published = new LinkedHashSet<>();
            for (int i = 0; i < 100; i++) {
                published.add(db.publish(topic, "po-" + (i % 7), event("po-" + (i % 7))));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> db.unsent() == 0);

            assertThat(first.relay().isActivePublisher() ^ second.relay().isActivePublisher())
                    .as("exactly one active publisher").isTrue();
            RelayFixture.Relay active = first.relay().isActivePublisher() ? first : second;
            RelayFixture.Relay standby = active == first ? second : first;
            assertThat(active.sent()).isEqualTo(100);
            assertThat(standby.sent()).isZero();
            List<String> received = new TopicReader(bootstrap()).readAll(topic).stream()
                    .map(r -> TopicReader.header(r, KassaHeaders.EVENT_ID)).toList();
            assertThat(received).hasSize(100).containsExactlyInAnyOrderElementsOf(published);

            active.relay().stop();
            String late = db.publish(topic, "po-late", event("po-late"));
            await().atMost(Duration.ofSeconds(20)).until(() -> db.unsent() == 0);
            assertThat(standby.relay().isActivePublisher()).isTrue();
            assertThat(standby.sent()).isEqualTo(1);
            single(new TopicReader(bootstrap()).readAll(topic), late);
        }
    }

    @Test
    void aCommitWakesTheRelayAtOnceWithoutAnyNotifyTrigger() {
        String topic = "relay.wake";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_wake")) {
            assertThat(db.jdbc.queryForObject("""
                    SELECT count(*) FROM pg_trigger WHERE tgrelid = 'outbox_message'::regclass AND NOT tgisinternal""",
                    Long.class)).as("triggers on outbox_message").isZero();
            assertThat(db.jdbc.queryForObject("SELECT count(*) FROM pg_proc WHERE proname = 'outbox_message_notify'",
                    Long.class)).as("the old NOTIFY function").isZero();
            // It polls every five minutes: within the waits below, only the commits' signal can wake it.
            RelayFixture.Relay relay = db.relay("relay", bootstrap(),
                    RelayFixture.settings(Duration.ofMinutes(5), Duration.ofSeconds(10)));
            relay.relay().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay().isActivePublisher());
            String first = db.publish(topic, "po-wake", event("po-wake"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);
            // Again, now that the relay has sent a batch and gone back to waiting.
            String second = db.publish(topic, "po-wake", event("po-wake"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);
            List<ConsumerRecord<String, byte[]>> records = new TopicReader(bootstrap()).readAll(topic);
            single(records, first);
            single(records, second);
        }
    }

    /** Its batches run on the session that holds the lock (no check before each): a lost session ends the batch. */
    @Test
    void aRelayWhoseSessionDiesLeadsAgainOnANewOneAndSendsWhatWaits() {
        String topic = "relay.session-lost";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_session_lost")) {
            // It polls every five minutes: the commit's signal wakes it, onto its dead session.
            RelayFixture.Relay relay = db.relay("relay", bootstrap(),
                    RelayFixture.settings(Duration.ofMinutes(5), Duration.ofSeconds(10)));
            relay.relay().start();
            String first = db.publish(topic, "po-lost", event("po-lost"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);
            assertThat(db.killSessionsOf("relay")).isPositive();

            String second = db.publish(topic, "po-lost", event("po-lost"));

            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);
            assertThat(relay.relay().isActivePublisher()).isTrue();
            assertThat(relay.sent()).isEqualTo(2);
            List<ConsumerRecord<String, byte[]>> records = new TopicReader(bootstrap()).readAll(topic);
            single(records, first);
            single(records, second);
        }
    }

    @Test
    void aRowCommittedByAnotherInstanceIsSentByPolling() {
        String topic = "relay.poll";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_poll")) {
            RelayFixture.Relay relay = db.relay("relay", bootstrap(), RelayFixture.settings(Duration.ofMillis(500),
                    Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(10)));
            relay.relay().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay().isActivePublisher());
            long signals = db.signal.count();
            String eventId = db.publishFromAnotherProcess(topic, "po-elsewhere", event("po-elsewhere"));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);
            single(new TopicReader(bootstrap()).readAll(topic), eventId);
            assertThat(db.signal.count()).as("nothing in the relay's process signalled it").isEqualTo(signals);
        }
    }

    @Test
    void onShutdownTheActiveRelaySendsWhatWasCommittedSinceItsLastBatch() {
        String topic = "relay.shutdown";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_shutdown")) {
            // Polls once a minute: a row nothing signals would wait that long, were it not for the stop.
            RelayFixture.Relay relay = db.relay("relay", bootstrap(), RelayFixture.settings(Duration.ofMinutes(1),
                    Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(10)));
            relay.relay().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay().isActivePublisher());
            String eventId = db.publishFromAnotherProcess(topic, "po-last", event("po-last"));
            assertThat(db.unsent()).isEqualTo(1);

            relay.relay().stop();

            assertThat(db.unsent()).as("rows left unsent after the stop").isZero();
            single(new TopicReader(bootstrap()).readAll(topic), eventId);
        }
    }

    @Test
    void onShutdownARelayThatLostItsSessionLeavesTheLastBatchToTheNextActiveRelay() {
        String topic = "relay.shutdown-lost";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_shutdown_lost")) {
            RelayFixture.Relay relay = db.relay("relay", bootstrap(), RelayFixture.settings(Duration.ofMinutes(1),
                    Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(10)));
            relay.relay().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay().isActivePublisher());
            db.publishFromAnotherProcess(topic, "po-lost", event("po-lost"));
            // Its lock went with its session: another relay may lead now. (Or the database is going away, as beside a
            // test JVM's shutdown, where a batch would wait out a connection timeout.)
            assertThat(db.killSessionsOf("relay")).isPositive();

            relay.relay().stop();

            assertThat(db.unsent()).as("rows left to the next active relay").isEqualTo(1);
        }
    }

    @Test
    void commitsDuringABatchAreTakenTogetherByTheNextOne() throws Exception {
        String topic = "relay.burst";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_burst")) {
            RelayFixture.Relay relay = db.relay("relay", bootstrap(),
                    RelayFixture.settings(Duration.ofMinutes(5), Duration.ofSeconds(10)));
            relay.relay().start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.relay().isActivePublisher());
            int threads = 4;
            int perThread = 50;
            Map<String, List<String>> publishedByKey = new ConcurrentHashMap<>();
            try (var executor = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String key = "po-burst-" + t;
                    done.add(executor.submit(() -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            ids.add(db.publish(topic, key, event(key))); // one commit each
                        }
                        publishedByKey.put(key, ids);
                    }));
                }
                for (var future : done) {
                    future.get();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);

            // Every batch marks its rows with its transaction's start time.
            long batches = db.jdbc.queryForObject("SELECT count(DISTINCT sent_at) FROM outbox_message", Long.class);
            assertThat(batches).as("relay batches for %d commits", threads * perThread).isLessThan(threads * perThread);
            assertThat(relay.sent()).isEqualTo(threads * perThread);
            Map<String, List<String>> receivedByKey = new LinkedHashMap<>();
            for (ConsumerRecord<String, byte[]> record : new TopicReader(bootstrap()).readAll(topic)) {
                receivedByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(TopicReader.header(record, KassaHeaders.EVENT_ID));
            }
            assertThat(receivedByKey).as("every event once, in commit order per key").isEqualTo(publishedByKey);
        }
    }

    @Test
    void sentRowsAreDeletedInSmallBatchesAfterTheirRetention() {
        String topic = "relay.cleanup";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_cleanup")) {
            var base = RelayFixture.settings(FAST_POLL, Duration.ofSeconds(10));
            var settings = new dev.kassa.messaging.config.MessagingProperties.Outbox(true, base.batchSize(),
                    base.pollInterval(), base.busyPollInterval(), base.standbyInterval(), base.linger(),
                    base.sendTimeout(), base.failureBackoff(), base.maxFailureBackoff(), base.lockKey(),
                    Duration.ofMillis(1), 7, Duration.ZERO, base.shutdownTimeout());
            RelayFixture.Relay relay = db.relay("relay", bootstrap(), settings);
            for (int i = 0; i < 20; i++) {
                db.publish(topic, "po-clean", event("po-clean"));
            }
            relay.relay().start();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    db.jdbc.queryForObject("SELECT count(*) FROM outbox_message", Long.class) == 0);
            assertThat(relay.sent()).isEqualTo(20);
        }
    }

    @Test
    void withoutRetentionRowsAreDeletedAsTheyAreSent() {
        String topic = "relay.no-retention";
        LocalStack.shared().kafka().createTopics(Map.of(topic, 3));
        try (RelayFixture db = new RelayFixture("relay_no_retention")) {
            var base = RelayFixture.settings(FAST_POLL, Duration.ofSeconds(10));
            // The cleanup would not run for an hour: rows that disappear were deleted with their batch.
            var settings = new dev.kassa.messaging.config.MessagingProperties.Outbox(true, base.batchSize(),
                    base.pollInterval(), base.busyPollInterval(), base.standbyInterval(), base.linger(),
                    base.sendTimeout(), base.failureBackoff(), base.maxFailureBackoff(), base.lockKey(), Duration.ZERO,
                    base.cleanupBatchSize(), Duration.ofHours(1), base.shutdownTimeout());
            RelayFixture.Relay relay = db.relay("relay", bootstrap(), settings);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                published.add(db.publish(topic, "po-gone", event("po-gone")));
            }
            relay.relay().start();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    db.jdbc.queryForObject("SELECT count(*) FROM outbox_message", Long.class) == 0);
            List<ConsumerRecord<String, byte[]>> records = new TopicReader(bootstrap()).readAll(topic);
            published.forEach(eventId -> single(records, eventId));
            assertThat(relay.sent()).isEqualTo(20);
        }
    }

    private static void publishRound(RelayFixture db, String topic, Map<String, List<String>> byKey, int count) {
        for (int i = 0; i < count; i++) {
            String key = "po-" + (i % 5);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(db.publish(topic, key, event(key)));
        }
    }

    private static ConsumerRecord<String, byte[]> single(List<ConsumerRecord<String, byte[]>> records, String eventId) {
        List<ConsumerRecord<String, byte[]>> matching = records.stream()
                .filter(r -> eventId.equals(TopicReader.header(r, KassaHeaders.EVENT_ID))).toList();
        assertThat(matching).as("records with event id " + eventId).hasSize(1);
        return matching.getFirst();
    }

    private static PaymentOrderSucceeded event(String paymentOrderId) {
        return TestEvents.paymentSucceeded(paymentOrderId, "seller_1", 2999, "USD");
    }

    @Test
    void aSendTheBrokerRefusesThisPrincipalStaysUnsentAndIsReportedUntilItGoesThrough() {
        LocalStack stack = LocalStack.shared();
        String topic = stack.freshTopic("refused", 1);
        KafkaAccessDenials denials = new KafkaAccessDenials();
        try (RelayFixture db = new RelayFixture("relay_refused")) {
            Map<String, Object> wallet = stack.kafka().clientProperties(
                    stack.kafkaPrincipals().of(ConsumerGroups.WALLET_SERVICE).orElseThrow());
            RelayFixture.Relay relay = db.relay("relay", wallet, RelayFixture.settings(FAST_POLL, Duration.ofSeconds(5)),
                    denials);
            relay.relay().start();
            String eventId = db.publish(topic, "po-refused", event("po-refused"));

            await().atMost(Duration.ofSeconds(30)).until(() -> !denials.current().isEmpty());
            assertThat(denials.current()).containsOnlyKeys("outbox relay");
            assertThat(denials.current().get("outbox relay").message())
                    .contains("TopicAuthorizationException").contains(topic);
            assertThat(db.unsent()).isEqualTo(1);

            // An operator grants the right: the row goes out and the refusal is over.
            stack.kafka().createAcls(List.of(new AclBinding(
                    new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    new AccessControlEntry(KafkaAccess.user(ConsumerGroups.WALLET_SERVICE), "*", AclOperation.WRITE,
                            AclPermissionType.ALLOW))));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.unsent() == 0);
            assertThat(denials.current()).isEmpty();
            single(new TopicReader(bootstrap()).readAll(topic), eventId);
        }
    }

    private static Map<String, Object> bootstrap() {
        return LocalStack.shared().kafka().superUserClientProperties();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
