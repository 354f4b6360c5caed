package dev.kassa.messaging.consumer;

import dev.kassa.schemas.serde.KassaAvroDeserializer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes with the Kassa Avro deserializer and keeps the bytes. Meant to sit inside spring-kafka's
 * {@code ErrorHandlingDeserializer}: an undecodable value then reaches the error handler as a
 * {@code DeserializationException} carrying the raw bytes, and goes straight to the dead-letter topic.
 */
public class ReceivedValueDeserializer implements Deserializer<ReceivedValue> {

    private final KassaAvroDeserializer avro;

    public ReceivedValueDeserializer() {
        this(new KassaAvroDeserializer());
    }

    public ReceivedValueDeserializer(KassaAvroDeserializer avro) {
        this.avro = avro;
    }

    @Override
    public ReceivedValue deserialize(String topic, byte[] data) {
        return new ReceivedValue(data, avro.deserialize(topic, data));
    }

    @Override
    public ReceivedValue deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }
}
