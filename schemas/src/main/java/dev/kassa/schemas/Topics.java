package dev.kassa.schemas;

import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundExecutionRequested;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topic contract of docs/architecture.md §2 in one place: names, consuming groups, record types, and the names of
 * each group's retry and dead-letter topics.
 */
public final class Topics {

    public static final String PAYMENT_PSP_REQUESTS = "payment.psp-requests";
    public static final String PAYMENT_RESULTS = "payment.results";
    public static final String WALLET_EVENTS = "wallet.events";
    public static final String LEDGER_EVENTS = "ledger.events";
    public static final String RECONCILIATION_DISCREPANCIES = "reconciliation.discrepancies";

    /** One row of the topic table of docs/architecture.md §2. */
    public record TopicSpec(String name, List<String> consumerGroups,
                            List<Class<? extends SpecificRecord>> recordTypes) {
    }

    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(PAYMENT_PSP_REQUESTS,
                    List.of(ConsumerGroups.PAYMENT_SERVICE),
                    List.of(PaymentOrderExecutionRequested.class, RefundExecutionRequested.class)),
            new TopicSpec(PAYMENT_RESULTS,
                    List.of(ConsumerGroups.WALLET_SERVICE, ConsumerGroups.LEDGER_SERVICE,
                            ConsumerGroups.RECONCILIATION_SERVICE),
                    List.of(PaymentOrderSucceeded.class, PaymentOrderFailed.class,
                            RefundSucceeded.class, RefundFailed.class,
                            DisputeFundsWithdrawn.class, DisputeFundsReinstated.class)),
            new TopicSpec(WALLET_EVENTS,
                    List.of(ConsumerGroups.PAYMENT_SERVICE, ConsumerGroups.RECONCILIATION_SERVICE),
                    List.of(WalletCredited.class, WalletDebited.class)),
            new TopicSpec(LEDGER_EVENTS,
                    List.of(ConsumerGroups.PAYMENT_SERVICE, ConsumerGroups.RECONCILIATION_SERVICE),
                    List.of(LedgerTransactionRecorded.class)),
            // Operators read discrepancies with their own tools; payment-service's janitor is the one group.
            new TopicSpec(RECONCILIATION_DISCREPANCIES,
                    List.of(ConsumerGroups.PAYMENT_SERVICE),
                    List.of(DiscrepancyFound.class)));

    private static final Map<String, TopicSpec> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(TopicSpec::name, t -> t));

    private Topics() {
    }

    /** Every main topic with its consumers and record types. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    /** The spec of a main topic; fails for a name that is not in the contract. */
    public static TopicSpec spec(String topic) {
        TopicSpec spec = BY_NAME.get(topic);
        if (spec == null) {
            throw new IllegalArgumentException("Unknown topic '" + topic + "'; known: " + BY_NAME.keySet());
        }
        return spec;
    }

    /** The consumer groups that consume a main topic. */
    public static List<String> consumerGroups(String topic) {
        return spec(topic).consumerGroups();
    }

    /** The record types a main topic carries. */
    public static List<Class<? extends SpecificRecord>> recordTypes(String topic) {
        return spec(topic).recordTypes();
    }

    /** The main topic a record type is published to. */
    public static String topicOf(Class<? extends SpecificRecord> recordType) {
        return ALL.stream()
                .filter(t -> t.recordTypes().contains(recordType))
                .map(TopicSpec::name)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(recordType.getName() + " is on no Kassa topic"));
    }

    /** {@code <topic>.<group>.retry-<n>}: retry topics belong to a group so two groups never share failures. */
    public static String retryTopic(String topic, String group, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("retry index must be >= 0, was " + n);
        }
        return requireName(topic, "topic") + "." + requireName(group, "group") + ".retry-" + n;
    }

    /** {@code <topic>.<group>.dlt}. */
    public static String deadLetterTopic(String topic, String group) {
        return requireName(topic, "topic") + "." + requireName(group, "group") + ".dlt";
    }

    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
