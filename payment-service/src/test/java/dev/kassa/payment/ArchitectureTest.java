package dev.kassa.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.testfixtures.PackageBoundaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package boundaries of payment-service, checked on its compiled classes with ArchUnit (plain unit tests,
 * no Spring context). ArchUnit rather than Spring Modulith: Modulith's verification would need every feature
 * package to expose an API package or named interfaces, which these small packages do not warrant; what the
 * design needs is that no two packages depend on each other and that the few boundaries it names hold, and
 * the diagram in {@code docs/modules/payment-service.md} is computed from the same dependencies.
 *
 * <p>The packages layer as the diagram shows: {@code order} and {@code refund} (state and its repositories)
 * at the bottom, {@code events} mapping them to records, then {@code checkout}, {@code result} (applying PSP
 * answers), {@code orderapi} (one order's HTTP API: details, retry, refunds), and {@code execution},
 * {@code janitor} and {@code webhook} on top, and {@code receipt} reading checkouts, orders, refunds and merchants. Beside them, used by the APIs and depending on no feature:
 * {@code access} (the access rules and whose objects a caller sees) and {@code audit} (who changed what);
 * {@code merchant} (merchants and their keys) uses only {@code audit}, and {@code activity} (the operators' outcomes
 * per minute, read from the history table) only {@code order}'s statuses.
 */
@Tag("fast")
class ArchitectureTest {

    private static final PackageBoundaries PACKAGES = PackageBoundaries.of("dev.kassa.payment");

    @Test
    void packagesAreFreeOfCycles() {
        PACKAGES.assertFreeOfCycles();
    }

    /**
     * docs/architecture.md §1: the executor calls the PSP, and the janitor asks it about stuck orders; §15: a merchant's
     * answer to a dispute (evidence, acceptance), which moves no money, is sent from its request.
     */
    @Test
    void onlyTheExecutorTheJanitorAndDisputeAnswersCallThePsp() {
        noClasses().that().resideOutsideOfPackages("dev.kassa.payment.psp..", "dev.kassa.payment.execution..",
                        "dev.kassa.payment.janitor..", "dev.kassa.payment.dispute..")
                .should().dependOnClassesThat().areAssignableTo(PspClient.class)
                .check(PACKAGES.classes());
    }

    /** One class maps state changes to the records payment-service publishes (docs/architecture.md §2). */
    @Test
    void onlyEventsWritesToTheOutbox() {
        PACKAGES.assertOnlyFeatureUses("events", Outbox.class);
    }

    /** Spring Data repositories are named as collections ({@code Refunds}), so they are found by type, not name. */
    @Test
    void controllersGoThroughServicesNotRepositories() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .check(PACKAGES.classes());
    }

    @Test
    void docsShowTheCurrentPackageDiagram() {
        PACKAGES.assertDiagramIsCurrent("payment-service", Path.of("../docs/modules/payment-service.md"));
    }
}
