package dev.kassa.console.overview;

/**
 * One service's row on the overview, from its health and metrics endpoints. A value the service did not give is null
 * and shows as "–".
 *
 * @param service           the service's name
 * @param status            its health (UP, DOWN, or "not answering")
 * @param outboxUnsent      outbox rows waiting to be sent
 * @param outboxOldestAge   seconds the oldest of them has waited
 * @param deadLetters       records in its dead-letter topics (not counting parked ones), at most the listing's limit
 * @param deadLettersMore   the count stopped at the listing's limit
 */
public record ServiceHealth(String service, String status, Double outboxUnsent, Double outboxOldestAge,
                            Integer deadLetters, boolean deadLettersMore) {
}
