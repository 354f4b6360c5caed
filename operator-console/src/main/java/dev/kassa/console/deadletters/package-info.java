/** Dead letters of every consuming service: list, dry run, replay. */
package dev.kassa.console.deadletters;
