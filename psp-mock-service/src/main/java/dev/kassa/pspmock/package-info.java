/** psp-mock-service: a stateful, Stripe-like PSP simulator for tests and local runs. */
package dev.kassa.pspmock;
