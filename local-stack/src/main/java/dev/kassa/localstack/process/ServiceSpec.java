package dev.kassa.localstack.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start one service: its executable jar, its port, Spring properties passed as {@code --key=value}
 * arguments, JVM options and the file its output goes to.
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> properties,
                          List<String> jvmOptions, Path logFile) {

    /** Small heap and quick JIT start-up: a dev or test machine runs five of these at once. */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public ServiceSpec {
        properties = Map.copyOf(properties);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A spec with the default JVM options and {@code server.port} set to {@code port}. */
    public static ServiceSpec of(String name, Path jar, int port, Map<String, String> properties, Path logFile) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("server.port", Integer.toString(port));
        return new ServiceSpec(name, jar, port, all, DEFAULT_JVM_OPTIONS, logFile);
    }
}
