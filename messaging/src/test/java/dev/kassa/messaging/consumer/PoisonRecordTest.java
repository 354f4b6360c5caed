package dev.kassa.messaging.consumer;

import static dev.kassa.messaging.support.TestTopics.POISON;
import static dev.kassa.messaging.support.TestTopics.POISON_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.support.SpringMessagingTest;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.serde.UndecodableRecordException;
import dev.kassa.testfixtures.TopicReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Garbage bytes on a main topic go straight to the group's dead-letter topic; the records behind them are consumed. */
class PoisonRecordTest extends SpringMessagingTest {

    @Test
    void garbageGoesStraightToTheDeadLetterTopicAndTheRecordsBehindItAreConsumed() {
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        RecordMetadata poison = sendRaw(POISON, "po-poison", garbage);
        List<String> behind = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            behind.add(publish(POISON, "po-poison", event("po-poison")));
        }

        await().atMost(WAIT).until(() -> behind.stream().allMatch(id -> handlers.effects(POISON_GROUP, id) == 1));
        String dlt = Topics.deadLetterTopic(POISON, POISON_GROUP);
        await().atMost(WAIT).until(() -> !readAll(dlt).isEmpty());
        List<ConsumerRecord<String, byte[]>> dead = readAll(dlt).stream()
                .filter(r -> Arrays.equals(r.value(), garbage)).toList();
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> record = dead.getFirst();
        assertThat(record.key()).isEqualTo("po-poison");
        assertThat(TopicReader.header(record, KafkaHeaders.ORIGINAL_TOPIC)).isEqualTo(POISON);
        assertThat(ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.ORIGINAL_OFFSET).value()).getLong())
                .isEqualTo(poison.offset());
        assertThat(TopicReader.header(record, KafkaHeaders.EXCEPTION_CAUSE_FQCN))
                .isEqualTo(DeserializationException.class.getName());
        assertThat(TopicReader.header(record, KassaHeaders.EXCEPTION_ROOT_CAUSE))
                .isEqualTo(UndecodableRecordException.class.getName());
        assertThat(TopicReader.header(record, KassaHeaders.EXCEPTION_ROOT_MESSAGE)).contains("BAD_MARKER");
        assertThat(handlers.attemptsOf(POISON_GROUP)).hasSize(3);
    }
}
