/**
 * The API contract in the tests: each service's committed OpenAPI document ({@code docs/api/<service>.json})
 * checks every request and response the tests exchange with it ({@link dev.kassa.testfixtures.contract.ApiContract}).
 */
package dev.kassa.testfixtures.contract;
