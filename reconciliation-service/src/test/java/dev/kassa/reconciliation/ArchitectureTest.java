package dev.kassa.reconciliation;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of reconciliation-service, checked on its compiled classes with ArchUnit (plain unit tests, no
 * Spring context), the same way for every service: see payment-service's {@code ArchitectureTest} for why
 * ArchUnit rather than Spring Modulith. The diagram in {@code docs/modules/reconciliation-service.md} is computed from
 * the same dependencies.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.reconciliation");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    /** Reconciliation publishes one thing, the discrepancies it finds (docs/architecture.md §2). */
    @Test
    void onlyDiscrepancyWritesToTheOutbox() {
        PACKAGES.assertOnlyFeatureUses("discrepancy", Outbox.class);
    }

    @Test
    void controllersUseOnlyTheirOwnPackagesRepositories() {
        PACKAGES.assertControllersUseOnlyTheirOwnRepositories();
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("reconciliation-service", Path.of("../docs/modules/reconciliation-service.md"));
    }
}
