/**
 * The checkout API's value rules: amounts as decimal strings within the configured maximum ({@code @ValidAmount}),
 * IP addresses ({@code @IpAddress}).
 */
package dev.kassa.payment.api;
