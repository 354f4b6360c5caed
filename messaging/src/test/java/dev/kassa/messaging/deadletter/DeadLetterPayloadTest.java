package dev.kassa.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.testfixtures.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A dead letter's decoded value as the listing's {@code payload}: valid JSON text, bounded. */
@Tag("fast")
class DeadLetterPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRecordIsValidJsonWithItsFieldsAndReadableValues() {
        PaymentOrderFailed failed = PaymentOrderFailed.newBuilder(TestEvents.paymentFailed("po-1", "seller_1", 2999, "USD"))
                .setFailureMessage("card \"declined\"\n\tby the bank — ünïcode")
                .setOccurredAt(Instant.parse("2026-03-01T10:15:30.123Z"))
                .build();

        JsonNode json = JSON.readTree(DeadLetterPayload.json(failed));

        assertThat(json.get("payment_order_id").asString()).isEqualTo("po-1");
        assertThat(json.get("amount_minor").asLong()).isEqualTo(2999);
        assertThat(json.get("failure_message").asString()).as("escaped, and a union's value without its branch name")
                .isEqualTo("card \"declined\"\n\tby the bank — ünïcode");
        assertThat(json.get("occurred_at").asString()).isEqualTo("2026-03-01T10:15:30.123Z");
        assertThat(json.get("failure_code").asString()).isEqualTo("card_declined");
        assertThat(json.get("psp_reference").isNull()).as("an absent optional field is null").isTrue();
    }

    @Test
    void aHugeRecordIsCutWithAMarkerSayingHowLongItWas() {
        DiscrepancyFound huge = DiscrepancyFound.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.EPOCH).setReportDate("2026-03-01")
                .setDiscrepancyType("AMOUNT_MISMATCH").setDetail("x".repeat(100_000))
                .build();

        String payload = DeadLetterPayload.json(huge);

        assertThat(payload).startsWith("{\"event_id\": \"e-1\"").matches("(?s).*…\\[truncated: 10\\d{4} characters in all]$");
        assertThat(payload.length()).isLessThan(DeadLetterPayload.MAX_CHARS + 50);
    }

    @Test
    void noRecordIsNoPayloadAndTextsAreNeverCutInsideACharacter() {
        assertThat(DeadLetterPayload.json(null)).isNull();
        assertThat(DeadLetterPayload.bounded("short")).isEqualTo("short");
        String emoji = "a".repeat(DeadLetterPayload.MAX_CHARS - 1) + "😀😀";
        assertThat(DeadLetterPayload.bounded(emoji))
                .isEqualTo("a".repeat(DeadLetterPayload.MAX_CHARS - 1) + DeadLetterPayload.marker(emoji.length()));
        assertThat(DeadLetterPayload.bounded(null, 0)).isNull();
    }
}
