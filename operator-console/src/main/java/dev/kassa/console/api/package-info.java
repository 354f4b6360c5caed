/**
 * The five services' APIs as the console calls them: with the signed-in operator's key, answers as JSON maps, refusals
 * as {@link dev.kassa.console.api.ServiceProblem}.
 */
package dev.kassa.console.api;
