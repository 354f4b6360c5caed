package dev.kassa.console.payments;

/**
 * One line of a payment order's timeline: when, in which service, what happened, and who or what caused it.
 *
 * @param at      ISO-8601 instant, as the service recorded it
 * @param service the service whose record this is
 * @param event   what happened, in a few words
 * @param detail  the record's particulars (idempotency key, PSP event id, ledger lines, amounts)
 * @param actor   who caused it, when a person or merchant did ({@code merchant:m_demo}, {@code operator:alice})
 */
public record TimelineEntry(String at, String service, String event, String detail, String actor) {
}
