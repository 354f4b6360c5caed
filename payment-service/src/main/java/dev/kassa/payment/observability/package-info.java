/** The logging context (MDC) of one checkout and payment order. */
package dev.kassa.payment.observability;
