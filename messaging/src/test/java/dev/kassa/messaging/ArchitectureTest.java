package dev.kassa.messaging;

import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of the messaging library, checked as every service checks its own (see payment-service's
 * {@code ArchitectureTest}): {@code config} (settings, the raw-bytes producer, topic creation) at the bottom, the
 * outbox and inbox on it, consumers and dead letters on top. The diagram is {@code docs/modules/messaging.md}.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.messaging");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("messaging", Path.of("../docs/modules/messaging.md"));
    }
}
