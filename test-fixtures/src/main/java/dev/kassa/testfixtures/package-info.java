/**
 * Test fixtures shared by the tests of messaging and the services, so that each exists once: Kassa records
 * as their producing service writes them ({@link dev.kassa.testfixtures.TestEvents}), a producer that plays
 * another service on Kafka ({@link dev.kassa.testfixtures.EventProducer}), and two ways to read what a service
 * published: a topic up to its end now ({@link dev.kassa.testfixtures.TopicReader}) and a live recording of
 * one topic ({@link dev.kassa.testfixtures.TopicRecorder}); and the package boundaries each service's
 * {@code ArchitectureTest} checks ({@link dev.kassa.testfixtures.PackageBoundaries}).
 *
 * <p>Main code of its own module ({@code kassa-test-fixtures}, a test-scoped dependency), not Maven test-jars:
 * a test-jar carries none of its test-scoped dependencies and brings every test class and test resource of its
 * module along; the module's pom says more. Nothing here depends on Spring, on messaging or on local-stack:
 * callers pass the broker's bootstrap servers, and ArchUnit reads a service's compiled classes.
 */
package dev.kassa.testfixtures;
