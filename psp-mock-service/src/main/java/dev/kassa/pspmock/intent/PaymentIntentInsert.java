package dev.kassa.pspmock.intent;

import java.util.List;
import java.util.Optional;
import dev.kassa.pspmock.api.RowInsert;
import dev.kassa.pspmock.idempotency.IdempotentRequests.InStatementAnswer;

/** The insert of a new intent, together with the other rows of its charge. */
interface PaymentIntentInsert {

    /** {@code alongWith}: the other rows of the charge (its balance transaction, its event), written by the same statement. */
    default void insert(PaymentIntent intent, List<RowInsert> alongWith) {
        insert(intent, alongWith, Optional.empty());
    }

    /**
     * As {@link #insert(PaymentIntent, List)}, and with the request's answer, when there is one, as the statement's
     * last part ({@code IdempotentRequests#answerInStatement}).
     */
    void insert(PaymentIntent intent, List<RowInsert> alongWith, Optional<InStatementAnswer> answer);
}
