package dev.kassa.pspmock.refund;

/** A refund is inserted with the id it was given, and never saved whole again. */
interface RefundInsert {

    Refund insert(Refund refund);
}
