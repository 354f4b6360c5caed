package dev.kassa.console.overview;

/**
 * One service's row on the overview, from its health and metrics endpoints. A value the service did not give is null
 * and shows as "–".
 *
 * @param service           the service's name
 * @param status            its health (UP, DOWN, or "not answering")
 * @param outboxUnsent      outbox rows waiting to be sent
 * @param outboxOldestAge   seconds the oldest of them has waited
 * @param consumerLag       records its consumers have yet to read: the largest partition lag of any of them (the Kafka
 *                          client's {@code records-lag-max}); null for the PSP simulator, which reads no topic
 * @param deadLetters       records in its dead-letter topics (not counting parked ones), at most the listing's limit
 * @param deadLettersMore   the count stopped at the listing's limit
 */
public record ServiceHealth(String service, String status, Double outboxUnsent, Double outboxOldestAge, Double consumerLag,
                            Integer deadLetters, boolean deadLettersMore) {
}
