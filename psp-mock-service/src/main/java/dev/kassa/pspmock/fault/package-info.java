/** Faults on demand (per instance, in memory): switched over HTTP and applied by a filter with seeded dice. */
package dev.kassa.pspmock.fault;
