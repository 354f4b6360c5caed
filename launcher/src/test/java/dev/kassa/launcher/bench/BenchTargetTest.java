package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.SystemSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which processes the bench counts CPU for: with several instances, each instance and the proxy once. */
@Tag("fast")
class BenchTargetTest {

    private final List<ServerSocket> listening = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (ServerSocket socket : listening) {
            socket.close();
        }
    }

    @Test
    void eachInstanceIsCountedOnItsOwnPortAndTheProxyOnce() throws IOException {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < 2 * KassaService.values().length + 1; i++) {
            free.add(listen());
        }
        int[] next = {0};
        SystemSettings settings = SystemSettings.defaults(Path.of("/tmp/kassa")).withInstances(2, () -> free.get(next[0]++));

        Map<String, Integer> ports = target(settings).processPorts();

        assertThat(ports).hasSize(2 * KassaService.values().length + 1)
                .containsEntry("payment-service-1", settings.instancePorts().get(KassaService.PAYMENT).get(0))
                .containsEntry("payment-service-2", settings.instancePorts().get(KassaService.PAYMENT).get(1))
                .containsEntry("proxy", settings.proxyPort())
                .doesNotContainKey("payment-service");
    }

    @Test
    void aSingleInstanceIsCountedOnTheServicePortWithoutAProxy() throws IOException {
        int[] next = {0};
        List<Integer> free = List.of(listen(), listen(), listen(), listen(), listen());
        SystemSettings defaults = SystemSettings.defaults(Path.of("/tmp/kassa"));
        EnumMap<KassaService, Integer> servicePorts = new EnumMap<>(KassaService.class);
        for (KassaService service : KassaService.values()) {
            servicePorts.put(service, free.get(next[0]++));
        }
        SystemSettings settings = new SystemSettings(defaults.kafkaPort(), defaults.postgresPort(), servicePorts,
                defaults.dataDir(), defaults.logDir(), defaults.credentialsFile());

        Map<String, Integer> ports = target(settings).processPorts();

        assertThat(ports).containsEntry("payment-service", servicePorts.get(KassaService.PAYMENT))
                .hasSize(KassaService.values().length).doesNotContainKey("proxy");
    }

    private static BenchTarget target(SystemSettings settings) {
        return new BenchTarget(settings, null, null, "test");
    }

    private int listen() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listening.add(socket);
        return socket.getLocalPort();
    }
}
