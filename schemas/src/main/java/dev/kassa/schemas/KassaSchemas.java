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
import dev.kassa.schemas.history.SchemaHistory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * Registry of the current Kassa event types (the generated classes) and of their released schema
 * versions. Adding an event type means adding it here and under {@code avro-history/}; a test checks both.
 */
public final class KassaSchemas {

    /** A current event type: its generated class and the schema that class writes. */
    public record RecordType(Class<? extends SpecificRecord> type, Schema schema) {

        /** Simple name, also the directory name in {@code avro-history/}. */
        public String name() {
            return schema.getName();
        }

        public String fullName() {
            return schema.getFullName();
        }

        /** The single-object-encoding fingerprint that records of this type carry today. */
        public long fingerprint() {
            return SchemaNormalization.parsingFingerprint64(schema);
        }
    }

    private static final List<RecordType> ALL = List.of(
            new RecordType(PaymentOrderExecutionRequested.class, PaymentOrderExecutionRequested.getClassSchema()),
            new RecordType(RefundExecutionRequested.class, RefundExecutionRequested.getClassSchema()),
            new RecordType(PaymentOrderSucceeded.class, PaymentOrderSucceeded.getClassSchema()),
            new RecordType(PaymentOrderFailed.class, PaymentOrderFailed.getClassSchema()),
            new RecordType(RefundSucceeded.class, RefundSucceeded.getClassSchema()),
            new RecordType(RefundFailed.class, RefundFailed.getClassSchema()),
            new RecordType(DisputeFundsWithdrawn.class, DisputeFundsWithdrawn.getClassSchema()),
            new RecordType(DisputeFundsReinstated.class, DisputeFundsReinstated.getClassSchema()),
            new RecordType(WalletCredited.class, WalletCredited.getClassSchema()),
            new RecordType(WalletDebited.class, WalletDebited.getClassSchema()),
            new RecordType(LedgerTransactionRecorded.class, LedgerTransactionRecorded.getClassSchema()),
            new RecordType(DiscrepancyFound.class, DiscrepancyFound.getClassSchema()));

    private static final Map<String, RecordType> BY_FULL_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(RecordType::fullName, t -> t));

    private KassaSchemas() {
    }

    /** Every current event type. */
    public static List<RecordType> all() {
        return ALL;
    }

    /** The current type of a schema full name (e.g. {@code dev.kassa.schemas.event.WalletCredited}). */
    public static Optional<RecordType> byFullName(String fullName) {
        return Optional.ofNullable(BY_FULL_NAME.get(fullName));
    }

    /** Every released version of every current type, from the classpath; loaded once. */
    public static SchemaHistory history() {
        return HistoryHolder.HISTORY;
    }

    private static final class HistoryHolder {
        static final SchemaHistory HISTORY = SchemaHistory.fromClasspath(
                KassaSchemas.class.getClassLoader(), ALL.stream().map(RecordType::name).toList());
    }
}
