package dev.kassa.console;

import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The console's package boundaries, checked as every service checks its own (payment-service's
 * {@code ArchitectureTest} says why ArchUnit): one package per page, none in a cycle, and only {@code api} calls the
 * services, so that every call carries the signed-in operator's key. The diagram in
 * {@code docs/modules/operator-console.md} is computed from the same dependencies.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.console");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    @Test
    void onlyTheApiPackageCallsTheServices() {
        PACKAGES.assertOnlyFeatureUses("api", RestClient.class);
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("operator-console", Path.of("../docs/modules/operator-console.md"));
    }
}
