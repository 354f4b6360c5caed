/** The money rule of the checkout API: amounts as decimal strings within the configured maximum ({@code @ValidAmount}). */
package dev.kassa.payment.api;
