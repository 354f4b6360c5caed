package dev.kassa.wallet;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of wallet-service, checked on its compiled classes with ArchUnit (plain unit tests, no
 * Spring context), the same way for every service: see payment-service's {@code ArchitectureTest} for why
 * ArchUnit rather than Spring Modulith. The diagram in {@code docs/modules/wallet-service.md} is computed from
 * the same dependencies.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.wallet");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    /** One place turns a wallet movement into the record it publishes (docs/architecture.md §2). */
    @Test
    void onlyMovementWritesToTheOutbox() {
        PACKAGES.assertOnlyFeatureUses("movement", Outbox.class);
    }

    @Test
    void controllersUseOnlyTheirOwnPackagesRepositories() {
        PACKAGES.assertControllersUseOnlyTheirOwnRepositories();
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("wallet-service", Path.of("../docs/modules/wallet-service.md"));
    }
}
