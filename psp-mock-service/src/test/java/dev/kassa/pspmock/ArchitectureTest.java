package dev.kassa.pspmock;

import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of psp-mock-service, checked on its compiled classes with ArchUnit (plain unit tests, no
 * Spring context), the same way for every service: see payment-service's {@code ArchitectureTest} for why
 * ArchUnit rather than Spring Modulith. The diagram in {@code docs/modules/psp-mock-service.md} is computed from
 * the same dependencies.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.pspmock");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    @Test
    void controllersUseOnlyTheirOwnPackagesRepositories() {
        PACKAGES.assertControllersUseOnlyTheirOwnRepositories();
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("psp-mock-service", Path.of("../docs/modules/psp-mock-service.md"));
    }
}
