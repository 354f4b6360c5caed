package dev.kassa.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command line of {@link LocalStackMain}. */
record LocalStackArguments(Path dataDir, int kafkaPort, int postgresPort, List<String> databases,
                           Map<String, Integer> topics) {

    static final String USAGE = """
            Usage: LocalStackMain [--data-dir <dir>] [--kafka-port <port>] [--postgres-port <port>]
                                  [--databases <name,...>] [--topics <name:partitions,...>]
              --data-dir       persistent data directory (default ./.kassa/data)
              --kafka-port     Kafka client port (default 9092; 0 = any free port)
              --postgres-port  PostgreSQL port (default 5432; 0 = any free port)
              --databases      databases to create if missing (default payment,psp,wallet,ledger,reconciliation)
              --topics         topics to create if missing, e.g. payments:3,ledger:1 (default none)
            """;

    static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    static LocalStackArguments parse(String... args) {
        Path dataDir = Path.of(".kassa", "data");
        int kafkaPort = 9092;
        int postgresPort = 5432;
        List<String> databases = List.of("payment", "psp", "wallet", "ledger", "reconciliation");
        Map<String, Integer> topics = Map.of();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--kafka-port" -> kafkaPort = port(option, value);
                case "--postgres-port" -> postgresPort = port(option, value);
                case "--databases" -> databases = list(value);
                case "--topics" -> topics = topics(value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new LocalStackArguments(dataDir.toAbsolutePath().normalize(), kafkaPort, postgresPort, databases, topics);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a port number, not " + value);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).forEach(items::add);
        return List.copyOf(items);
    }

    private static Map<String, Integer> topics(String value) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String item : list(value)) {
            String[] parts = item.split(":");
            try {
                topics.put(parts[0], parts.length == 2 ? Integer.parseInt(parts[1]) : 3);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--topics needs name:partitions, not " + item);
            }
        }
        return topics;
    }
}
