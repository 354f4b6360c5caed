package dev.kassa.wallet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.wallet.support.WalletServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Poison records go to the group's dead-letter topic without blocking the records behind them, and an
 * operator's replay through the messaging admin endpoint is applied exactly once.
 */
class DeadLetterTest extends WalletServiceTest {

    private static final String DLT = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, "wallet-service");

    @Test
    void undecodableBytesGoToTheDeadLetterTopicAndLaterRecordsAreStillApplied() {
        String seller = TestEvents.seller("after_garbage");
        String paymentOrderId = TestEvents.id("po");
        producer.sendRaw(Topics.PAYMENT_RESULTS, paymentOrderId, "{\"amount\": 12.5, \"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8));
        // Same key, so the same partition, right behind the garbage.
        PaymentOrderSucceeded behind = TestEvents.paymentSucceeded(paymentOrderId, seller, 1250, "USD");
        producer.send(behind);

        await().atMost(Duration.ofSeconds(30)).until(() -> movementCountForSourceEvent(behind.getEventId()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterWithKey(paymentOrderId) != null);
        Map<String, Object> letter = deadLetterWithKey(paymentOrderId);
        assertThat(letter.get("original_topic")).isEqualTo(Topics.PAYMENT_RESULTS);
        assertThat((String) letter.get("exception_class")).endsWith("UndecodableRecordException");
        assertThat((String) letter.get("exception_message")).contains("expected C3 01");
        assertThat(balanceMinor(seller, "USD")).isEqualTo(1250);
    }

    @Test
    void invalidContentGoesStraightToTheDeadLetterTopicAndChangesNothing() {
        String seller = TestEvents.seller("invalid");
        PaymentOrderSucceeded noCurrency = TestEvents.paymentSucceeded(seller, 100, "XXX");
        PaymentOrderSucceeded zero = TestEvents.paymentSucceeded(seller, 0, "USD");
        PaymentOrderSucceeded valid = TestEvents.paymentSucceeded(seller, 300, "USD");
        producer.send(noCurrency);
        producer.send(zero);
        producer.send(valid);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterWithEventId(noCurrency.getEventId()) != null
                && deadLetterWithEventId(zero.getEventId()) != null
                && movementCountForSourceEvent(valid.getEventId()) == 1);
        Map<String, Object> letter = deadLetterWithEventId(noCurrency.getEventId());
        assertThat((String) letter.get("exception_class")).contains("InvalidEventException");
        assertThat((String) letter.get("exception_message")).contains("currency 'XXX'");
        assertThat(letter.get("record_type")).asString().contains("PaymentOrderSucceeded");
        assertThat(movementCount(seller)).isEqualTo(1);
        assertThat(balanceMinor(seller, "USD")).isEqualTo(300);
        assertThat(inInbox(noCurrency.getEventId())).isFalse();
    }

    @Test
    void aRecordThatExhaustedItsRetriesIsAppliedOnceWhenReplayed() {
        String stuckSeller = TestEvents.seller("outage");
        String otherSeller = TestEvents.seller("unaffected");
        PaymentOrderSucceeded stuck = TestEvents.paymentSucceeded(stuckSeller, 5_000, "EUR");
        // A fault on this seller's rows only (say, a bad deployment): every attempt fails, through both retries.
        failInsertsFor(stuckSeller);
        try {
            producer.send(stuck);
            PaymentOrderSucceeded other = TestEvents.paymentSucceeded(otherSeller, 700, "EUR");
            producer.send(other);

            await().atMost(Duration.ofSeconds(30)).until(() -> movementCountForSourceEvent(other.getEventId()) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterWithEventId(stuck.getEventId()) != null);
            assertThat((String) deadLetterWithEventId(stuck.getEventId()).get("exception_message"))
                    .contains("simulated outage");
            assertThat(movementCount(stuckSeller)).isZero();
        } finally {
            repairInserts();
        }

        Map<String, Object> first = replay(stuck.getEventId());
        assertThat(first).containsEntry("replayed", 1).containsEntry("selected", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> movementCountForSourceEvent(stuck.getEventId()) == 1);
        assertThat(balanceMinor(stuckSeller, "EUR")).isEqualTo(5_000);

        // An operator replays it again: the inbox skips it. The marker behind it on the same partition tells
        // when the replayed copy has been consumed.
        Map<String, Object> second = replay(stuck.getEventId());
        assertThat(second).containsEntry("replayed", 1);
        PaymentOrderSucceeded marker = TestEvents.paymentSucceeded(stuck.getPaymentOrderId(), stuckSeller, 1, "EUR");
        producer.send(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> movementCountForSourceEvent(marker.getEventId()) == 1);
        assertThat(movementCountForSourceEvent(stuck.getEventId())).isEqualTo(1);
        assertThat(balanceMinor(stuckSeller, "EUR")).isEqualTo(5_001);

        Long audited = jdbc.sql("SELECT count(*) FROM dead_letter_replay WHERE dlt_topic = ? AND result = 'REPLAYED'")
                .param(DLT).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    private void failInsertsFor(String seller) {
        asOwner().sql("""
                CREATE OR REPLACE FUNCTION test_simulated_outage() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.account_id = '%s' THEN
                        RAISE EXCEPTION 'simulated outage for %%', NEW.account_id;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(seller)).update();
        asOwner().sql("""
                CREATE TRIGGER test_simulated_outage BEFORE INSERT ON wallet_movement
                    FOR EACH ROW EXECUTE FUNCTION test_simulated_outage()""").update();
    }

    private void repairInserts() {
        asOwner().sql("DROP TRIGGER IF EXISTS test_simulated_outage ON wallet_movement").update();
        asOwner().sql("DROP FUNCTION IF EXISTS test_simulated_outage()").update();
    }

    private Map<String, Object> replay(String eventId) {
        return http(TestKeys.OPERATOR).post().uri("/admin/dead-letters/replay")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("topic", DLT, "event_ids", List.of(eventId)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private List<Map<String, Object>> deadLetters() {
        return http().get().uri("/admin/dead-letters?topic={topic}&limit=500", DLT)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    private Map<String, Object> deadLetterWithKey(String key) {
        return deadLetters().stream().filter(l -> key.equals(l.get("key"))).findFirst().orElse(null);
    }

    private Map<String, Object> deadLetterWithEventId(String eventId) {
        return deadLetters().stream().filter(l -> eventId.equals(l.get("event_id"))).findFirst().orElse(null);
    }
}
