/** The source of randomness, seedable so that a run can be repeated. */
package dev.kassa.pspmock.random;
