package dev.kassa.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.schemas.KassaSchemas;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.history.SchemaHistory;
import dev.kassa.schemas.history.SchemaHistoryCheck;
import dev.kassa.schemas.sample.SampleEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A record written with an older released version is read into today's generated class. */
@Tag("fast")
class SchemaEvolutionTest {

    private static final Schema V1 = SerdeTestSupport.schemaResource("/evolution/PaymentOrderFailed/v1.avsc");
    private static final Schema CURRENT = KassaSchemas.history().versionsOf("PaymentOrderFailed").getLast().schema();
    private static final SchemaHistory HISTORY = SchemaHistory.of(List.of(
            SchemaHistory.version("PaymentOrderFailed", 1, V1),
            SchemaHistory.version("PaymentOrderFailed", 2, CURRENT)));

    private final KassaAvroDeserializer deserializer = new KassaAvroDeserializer(HISTORY);

    @Test
    void theTestHistoryIsAValidEvolution() {
        SchemaHistoryCheck.verify(HISTORY, Map.of("PaymentOrderFailed", CURRENT));
    }

    @Test
    void aV1RecordIsReadByTheCurrentClassWithDefaultsForNewFields() {
        GenericRecord v1 = new GenericData.Record(V1);
        v1.put("event_id", "7f1c2d9e-0000-4000-8000-000000000001");
        v1.put("occurred_at", Instant.parse("2025-11-02T08:00:00.123Z").toEpochMilli());
        v1.put("payment_order_id", "po_9");
        v1.put("checkout_id", "chk_9");
        v1.put("seller_account", "seller_9");
        v1.put("amount_minor", 4200L);
        v1.put("currency", "EUR");
        v1.put("psp_reference", "pi_old");
        v1.put("failure_code", "card_declined");
        v1.put("decline_code", "generic_decline");

        SpecificRecord read = deserializer.deserialize("payment.results", SerdeTestSupport.singleObject(v1));

        assertThat(read).isInstanceOf(PaymentOrderFailed.class);
        PaymentOrderFailed failed = (PaymentOrderFailed) read;
        assertThat(failed.getEventId()).isEqualTo("7f1c2d9e-0000-4000-8000-000000000001");
        assertThat(failed.getOccurredAt()).isEqualTo(Instant.parse("2025-11-02T08:00:00.123Z"));
        assertThat(failed.getAmountMinor()).isEqualTo(4200L);
        assertThat(failed.getCurrency()).isEqualTo("EUR");
        assertThat(failed.getPspReference()).isEqualTo("pi_old");
        assertThat(failed.getFailureCode()).isEqualTo("card_declined");
        assertThat(failed.getFailureMessage()).as("added in v2 with default null").isNull();
    }

    @Test
    void currentRecordsStillDecodeNextToOldOnes() {
        PaymentOrderFailed current = SampleEvents.of(PaymentOrderFailed.class);

        byte[] bytes = new KassaAvroSerializer(HISTORY).serialize("payment.results", current);

        assertThat(deserializer.deserialize("payment.results", bytes)).isEqualTo(current);
    }

    @Test
    void theSerializerRefusesASchemaThatIsNotReleased() {
        KassaAvroSerializer serializer = new KassaAvroSerializer(SchemaHistory.of(List.of(
                SchemaHistory.version("PaymentOrderFailed", 1, V1))));

        assertThatThrownBy(() -> serializer.serialize("payment.results", SampleEvents.of(PaymentOrderFailed.class)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("dev.kassa.schemas.event.PaymentOrderFailed")
                .hasMessageContaining("is not a released version");
    }

    @Test
    void aPaymentOrderSucceededOfTheReleasedV1IsReadWithoutAMerchant() {
        SchemaHistory released = KassaSchemas.history();
        Schema v1 = released.versionsOf("PaymentOrderSucceeded").getFirst().schema();
        GenericRecord old = new GenericData.Record(v1);
        old.put("event_id", "7f1c2d9e-0000-4000-8000-000000000002");
        old.put("occurred_at", Instant.parse("2026-10-02T08:00:00Z").toEpochMilli());
        old.put("payment_order_id", "po_1");
        old.put("checkout_id", "chk_1");
        old.put("seller_account", "seller_1");
        old.put("amount_minor", 2999L);
        old.put("currency", "USD");
        old.put("psp_reference", "pi_old");

        PaymentOrderSucceeded read = (PaymentOrderSucceeded) new KassaAvroDeserializer(released)
                .deserialize("payment.results", SerdeTestSupport.singleObject(old));

        assertThat(read.getPaymentOrderId()).isEqualTo("po_1");
        assertThat(read.getMerchantId()).as("added in v2 with default null").isNull();
    }
}
