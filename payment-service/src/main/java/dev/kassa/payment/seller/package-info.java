/** Sellers and the merchant each belongs to: the first whose checkout names it. */
package dev.kassa.payment.seller;
