/** payment-service, the gateway: the application, its {@code kassa.payment.*} properties and service-wide beans. */
package dev.kassa.payment;
