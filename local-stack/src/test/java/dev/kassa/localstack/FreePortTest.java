package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void picksDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            picked.add(FreePort.pick());
        }

        assertThat(picked).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(20_000, 32_767));
        for (int port : picked) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortAskedForIsKeptAndZeroMeansPickOne() {
        assertThat(FreePort.orPick(8080)).isEqualTo(8080);
        assertThat(FreePort.orPick(0)).isBetween(20_000, 32_767);
    }
}
