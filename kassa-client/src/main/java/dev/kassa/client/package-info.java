/**
 * A Java client of payment-service's merchant API: {@link dev.kassa.client.KassaClient} (built with a base URL and a
 * merchant's secret key), the requests and responses as records (snake_case JSON, amounts as decimal strings beside
 * their currency, {@link dev.kassa.client.Money}), the statuses as enums that read a value they do not know as
 * {@code UNKNOWN}, and every error answer as a {@link dev.kassa.client.KassaApiException} carrying its RFC 9457
 * {@link dev.kassa.client.Problem}. Depends on the JDK's HTTP client and Jackson databind only.
 */
package dev.kassa.client;
