/**
 * Stripe's v1 wire format as psp-mock speaks it: request parameters (form bodies with bracket notation, JSON bodies,
 * query strings), Stripe's list and error objects, request ids, and shared database helpers.
 */
package dev.kassa.pspmock.api;
