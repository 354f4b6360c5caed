package dev.kassa.ledger;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of ledger-service, checked on its compiled classes with ArchUnit (plain unit tests, no
 * Spring context), the same way for every service: see payment-service's {@code ArchitectureTest} for why
 * ArchUnit rather than Spring Modulith. The diagram in {@code docs/modules/ledger-service.md} is computed from
 * the same dependencies.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.ledger");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    /** Only posting publishes, in the transaction of the journal entry it posts (docs/architecture.md §7). */
    @Test
    void onlyPostingWritesToTheOutbox() {
        PACKAGES.assertOnlyFeatureUses("posting", Outbox.class);
    }

    @Test
    void controllersUseOnlyTheirOwnPackagesRepositories() {
        PACKAGES.assertControllersUseOnlyTheirOwnRepositories();
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("ledger-service", Path.of("../docs/modules/ledger-service.md"));
    }
}
