package dev.kassa.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The Kafka broker of {@link KafkaBrokerProcess}: one broker in this JVM, on the data directory and ports its
 * arguments give ({@code --data-dir=… --port=… --controller-port=… --partitions=…}), until SIGTERM, then a clean
 * shutdown. The super user's password is read from the data directory, where the starting process put it: nothing
 * secret is on the command line.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger is created: INFO for local-stack, WARN for the broker's internals.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/kassa/localstack/main-logback.xml");
        }
        Map<String, String> arguments = parse(args);
        KafkaBroker.Options options = KafkaBroker.Options.defaults()
                .withDataDir(Path.of(required(arguments, "data-dir")))
                .withPort(Integer.parseInt(required(arguments, "port")))
                .withControllerPort(Integer.parseInt(required(arguments, "controller-port")))
                .withDefaultPartitions(Integer.parseInt(required(arguments, "partitions")));
        KafkaBroker broker = KafkaBroker.start(options);
        // This process exists only to run the broker: a fatal broker fault ends it, and its supervisor starts a new one.
        KafkaExitGuard.uninstall();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        stopped.await();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> arguments = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Expected --name=value: " + arg);
            }
            arguments.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return arguments;
    }

    private static String required(Map<String, String> arguments, String name) {
        String value = arguments.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name + "=...");
        }
        return value;
    }
}
