package dev.kassa.messaging.deadletter;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.schemas.serde.KassaAvroDeserializer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Event id and record type of a dead letter: decoded from the value where it decodes (the truth),
 * otherwise from the relay's headers; {@code null} for bytes that are no Kassa event at all.
 */
record EventIdentity(String eventId, String recordType) {

    static EventIdentity of(DeadLetter letter, KassaAvroDeserializer avro) {
        return of(letter, decode(letter, avro));
    }

    /** {@code record} is the letter's {@link #decode decoded} value, or {@code null} when it did not decode. */
    static EventIdentity of(DeadLetter letter, SpecificRecord record) {
        if (record == null) {
            return new EventIdentity(letter.text(KassaHeaders.EVENT_ID), letter.text(KassaHeaders.EVENT_TYPE));
        }
        Schema.Field field = record.getSchema().getField("event_id");
        Object id = field == null ? null : record.get(field.pos());
        return new EventIdentity(id == null ? letter.text(KassaHeaders.EVENT_ID) : id.toString(),
                record.getSchema().getFullName());
    }

    /** The letter's value as a Kassa event, or {@code null} for bytes that are none (garbage, unknown schema). */
    static SpecificRecord decode(DeadLetter letter, KassaAvroDeserializer avro) {
        try {
            return avro.deserialize(letter.topic(), letter.value());
        } catch (SerializationException e) {
            return null;
        }
    }
}
