package dev.kassa.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.schemas.KassaSchemas.RecordType;
import dev.kassa.schemas.Topics.TopicSpec;
import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletDebited;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TopicsTest {

    @Test
    void consumerGroupsFollowTheDesignTable() {
        assertThat(Topics.consumerGroups(Topics.PAYMENT_PSP_REQUESTS)).containsExactly("payment-service");
        assertThat(Topics.consumerGroups(Topics.PAYMENT_RESULTS))
                .containsExactly("wallet-service", "ledger-service", "reconciliation-service");
        assertThat(Topics.consumerGroups(Topics.WALLET_EVENTS))
                .containsExactly("payment-service", "reconciliation-service");
        assertThat(Topics.consumerGroups(Topics.LEDGER_EVENTS))
                .containsExactly("payment-service", "reconciliation-service");
        assertThat(Topics.consumerGroups(Topics.RECONCILIATION_DISCREPANCIES)).containsExactly("payment-service");
    }

    @Test
    void everyRecordTypeIsOnExactlyOneTopic() {
        for (RecordType type : KassaSchemas.all()) {
            assertThat(Topics.all().stream().filter(t -> t.recordTypes().contains(type.type())))
                    .as(type.name()).hasSize(1);
        }
        assertThat(Topics.all().stream().mapToInt(t -> t.recordTypes().size()).sum())
                .isEqualTo(KassaSchemas.all().size());
    }

    @Test
    void findsTheTopicOfARecordType() {
        assertThat(Topics.topicOf(PaymentOrderExecutionRequested.class)).isEqualTo("payment.psp-requests");
        assertThat(Topics.topicOf(RefundSucceeded.class)).isEqualTo("payment.results");
        assertThat(Topics.topicOf(WalletDebited.class)).isEqualTo("wallet.events");
        assertThat(Topics.topicOf(LedgerTransactionRecorded.class)).isEqualTo("ledger.events");
        assertThat(Topics.topicOf(DiscrepancyFound.class)).isEqualTo("reconciliation.discrepancies");
    }

    @Test
    void retryAndDeadLetterTopicsBelongToAGroup() {
        assertThat(Topics.retryTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.WALLET_SERVICE, 0))
                .isEqualTo("payment.results.wallet-service.retry-0");
        assertThat(Topics.retryTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE, 4))
                .isEqualTo("payment.results.ledger-service.retry-4");
        assertThat(Topics.deadLetterTopic(Topics.PAYMENT_PSP_REQUESTS, ConsumerGroups.PAYMENT_SERVICE))
                .isEqualTo("payment.psp-requests.payment-service.dlt");
    }

    @Test
    void everyDerivedTopicNameIsUniqueAndAValidKafkaName() {
        var names = Topics.all().stream()
                .flatMap(t -> Stream.concat(Stream.of(t.name()), t.consumerGroups().stream().flatMap(g -> Stream.of(
                        Topics.retryTopic(t.name(), g, 0), Topics.retryTopic(t.name(), g, 4),
                        Topics.deadLetterTopic(t.name(), g)))))
                .toList();

        assertThat(names).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[a-zA-Z0-9._-]{1,249}"), "Kafka topic name");
    }

    @Test
    void rejectsUnknownTopicsAndBadArguments() {
        assertThatThrownBy(() -> Topics.consumerGroups("payment.result")).hasMessageContaining("Unknown topic");
        assertThatThrownBy(() -> Topics.retryTopic("t", "g", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetterTopic("t", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.deadLetterTopic(null, "g")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void specsAreImmutable() {
        TopicSpec spec = Topics.spec(Topics.PAYMENT_RESULTS);
        assertThatThrownBy(() -> spec.consumerGroups().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
