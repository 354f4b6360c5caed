package dev.kassa.pspmock.intent;

import java.util.List;
import dev.kassa.pspmock.api.RowInsert;

/** The insert of a new intent, together with the other rows of its charge. */
interface PaymentIntentInsert {

    /** {@code alongWith}: the other rows of the charge (its balance transaction, its event), written by the same statement. */
    void insert(PaymentIntent intent, List<RowInsert> alongWith);
}
