/** The HTTP API of one payment order ({@code /api/v1/payment-orders/{id}}): details, manual retry and refunds. */
package dev.kassa.payment.orderapi;
