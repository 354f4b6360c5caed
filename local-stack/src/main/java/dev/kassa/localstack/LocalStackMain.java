package dev.kassa.localstack;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Kafka and PostgreSQL for local development with persistent data (kept under --data-dir across runs)
 * until SIGTERM or Ctrl-C, then shuts both down cleanly. Prints the connection settings once ready.
 */
public final class LocalStackMain {

    /** The public local password of every service login this stack makes (its application-local.yml holds it). */
    static final String LOCAL_PASSWORD = "kassa";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (LocalStackArguments.wantsHelp(args)) {
            System.out.print(LocalStackArguments.USAGE);
            return;
        }
        LocalStackArguments arguments;
        try {
            arguments = LocalStackArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LocalStackArguments.USAGE);
            System.exit(2);
            return;
        }
        // Before the first logger is created: INFO for local-stack, WARN for the servers' internals.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/kassa/localstack/main-logback.xml");
        }

        LocalStack stack = LocalStack.start(
                KafkaBroker.Options.defaults()
                        .withDataDir(arguments.dataDir().resolve("kafka"))
                        .withPort(arguments.kafkaPort()),
                PostgresServer.Options.defaults()
                        .withDataDir(arguments.dataDir().resolve("postgres"))
                        .withPort(arguments.postgresPort()));
        // This process exists only to run the broker: a fatal broker fault should end it.
        KafkaExitGuard.uninstall();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Kassa local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));

        // The services' logins with the public local password their application-local.yml holds: this stack is
        // for a developer's machine only (./kassa and the tests make random ones).
        arguments.databases().forEach(database -> stack.postgres().createDatabase(database, new DatabaseRoles(
                new DatabaseRoles.Login(database + "_owner", LOCAL_PASSWORD),
                new DatabaseRoles.Login(database + "_app", LOCAL_PASSWORD))));
        KafkaPrincipals.provision(stack.kafka(), KafkaBroker.Options.defaults().defaultPartitions(),
                principal -> new KafkaCredentials(principal, LOCAL_PASSWORD));
        stack.kafka().createTopics(arguments.topics());
        printSettings(System.out, arguments, stack);
        stopped.await();
    }

    static void printSettings(PrintStream out, LocalStackArguments arguments, LocalStack stack) {
        PostgresServer postgres = stack.postgres();
        out.println("Kassa local stack is up (data: " + arguments.dataDir() + ")");
        out.println("  Kafka bootstrap servers : " + stack.kafka().bootstrapServers());
        out.println("  PostgreSQL user/password: " + postgres.username() + " / " + postgres.password()
                + " (local defaults)");
        out.println("  service logins          : <database>_app, <database>_owner and Kafka's <service>-service,"
                + " password " + LOCAL_PASSWORD + " (local defaults, as in each service's application-local.yml)");
        for (String database : arguments.databases()) {
            out.printf("  %-24s: %s%n", database, postgres.jdbcUrl(database));
        }
        arguments.topics().forEach((topic, partitions) ->
                out.printf("  topic %-18s: %d partitions%n", topic, partitions));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
