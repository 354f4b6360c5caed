package dev.kassa.pspmock.dispute;

/** A dispute is inserted with the id it was given, and never saved whole again. */
interface DisputeInsert {

    Dispute insert(Dispute dispute);
}
