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
        try {
            SpecificRecord record = avro.deserialize(letter.topic(), letter.value());
            Schema.Field field = record.getSchema().getField("event_id");
            Object id = field == null ? null : record.get(field.pos());
            return new EventIdentity(id == null ? letter.text(KassaHeaders.EVENT_ID) : id.toString(),
                    record.getSchema().getFullName());
        } catch (SerializationException e) {
            return new EventIdentity(letter.text(KassaHeaders.EVENT_ID), letter.text(KassaHeaders.EVENT_TYPE));
        }
    }
}
