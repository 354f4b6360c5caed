/** {@code POST /api/v1/payments}: a checkout and its payment orders, created once per checkout id, and reading it back. */
package dev.kassa.payment.checkout;
