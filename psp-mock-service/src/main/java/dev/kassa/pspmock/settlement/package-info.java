/** Settlement files, fees, balance transactions and discrepancies planted on purpose. */
package dev.kassa.pspmock.settlement;
