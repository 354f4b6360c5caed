package dev.kassa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.access.OperatorKey;
import dev.kassa.localstack.DatabaseRoles;
import dev.kassa.localstack.KafkaCredentials;
import dev.kassa.localstack.KafkaPrincipals;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.ServiceSpec;
import dev.kassa.schemas.access.KafkaAccess;
import dev.kassa.web.security.SecretKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("fast")
class ServiceSpecsTest {

    private static final String DATABASE_PASSWORD = "db-password-of-this-test";
    private static final String OWNER_PASSWORD = "owner-password-of-this-test";
    private static final OperatorKey OPERATOR = OperatorKey.newLocalAdmin();
    private static final PspSecrets PSP = new PspSecrets("sk_test_pspKeyOfThisTest", "whsec_secretOfThisTest");

    private static final KafkaPrincipals KAFKA = KafkaPrincipals.of(KafkaAccess.principals().stream()
            .collect(Collectors.toMap(principal -> principal, KafkaCredentials::random)));

    private final ServiceSpecs specs = specs(SystemSettings.defaults(Path.of("/tmp/kassa")));

    private static ServiceSpecs specs(SystemSettings settings) {
        return new ServiceSpecs(settings,
                "127.0.0.1:9092", KAFKA, database -> "jdbc:postgresql://127.0.0.1:5432/" + database,
                service -> new DatabaseRoles(new DatabaseRoles.Login(service.database() + "_owner", OWNER_PASSWORD),
                        new DatabaseRoles.Login(service.database() + "_app", DATABASE_PASSWORD)),
                OPERATOR, PSP, module -> Path.of("/jars", module + ".jar"));
    }

    @ParameterizedTest
    @EnumSource(KassaService.class)
    void noSecretIsOnAServicesCommandLine(KassaService service) {
        List<String> commandLine = ServiceProcess.commandLine(specs.spec(service));

        assertThat(commandLine).contains("--spring.datasource.username=" + service.database() + "_app",
                        "--spring.liquibase.user=" + service.database() + "_owner", "--server.port=" + service.defaultPort())
                .noneMatch(argument -> argument.contains(DATABASE_PASSWORD) || argument.contains(OWNER_PASSWORD)
                        || argument.contains(PSP.apiKey())
                        || argument.contains(PSP.webhookSecret()) || argument.contains(OPERATOR.key())
                        || argument.contains(OPERATOR.sha256()) || argument.toLowerCase().contains("password")
                        || KafkaAccess.principals().stream().anyMatch(principal ->
                                argument.contains(KAFKA.of(principal).orElseThrow().password())));
    }

    @Test
    void eachServiceThatUsesKafkaLogsInAsItsOwnPrincipalWithThePasswordInItsEnvironment() {
        for (KassaService service : List.of(KassaService.PAYMENT, KassaService.WALLET, KassaService.LEDGER,
                KassaService.RECONCILIATION)) {
            KafkaCredentials principal = KAFKA.of(service.module()).orElseThrow();
            assertThat(specs.spec(service).properties()).as(service.module())
                    .containsEntry("kassa.kafka.username", service.module());
            assertThat(specs.spec(service).environment()).as(service.module())
                    .containsEntry("KASSA_KAFKA_PASSWORD", principal.password());
        }
        assertThat(specs.spec(KassaService.PSP_MOCK).properties()).doesNotContainKey("kassa.kafka.username");
        assertThat(specs.spec(KassaService.PSP_MOCK).environment()).doesNotContainKey("KASSA_KAFKA_PASSWORD");
    }

    @ParameterizedTest
    @EnumSource(KassaService.class)
    void everyServiceRunsLocallyWithTheDatabasePasswordAndTheOperatorInItsEnvironment(KassaService service) {
        ServiceSpec spec = specs.spec(service);

        assertThat(spec.environment())
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", DATABASE_PASSWORD)
                .containsEntry("SPRING_LIQUIBASE_PASSWORD", OWNER_PASSWORD)
                .containsEntry("KASSA_SECURITY_OPERATORS_0_NAME", "local-admin")
                .containsEntry("KASSA_SECURITY_OPERATORS_0_ROLES", "OPERATOR,FINANCE,VIEWER")
                .containsEntry("KASSA_SECURITY_OPERATORS_0_KEY_SHA256", SecretKeys.sha256Hex(OPERATOR.key()))
                .doesNotContainValue(OPERATOR.key());
    }

    @Test
    void thePspSecretsGoToThoseWhoUseThem() {
        assertThat(specs.spec(KassaService.PAYMENT).environment())
                .containsEntry("KASSA_PSP_API_KEY", PSP.apiKey())
                .containsEntry("KASSA_PSP_WEBHOOK_SECRETS", PSP.webhookSecret());
        assertThat(specs.spec(KassaService.PSP_MOCK).environment())
                .containsEntry("PSP_AUTH_SECRET_KEY", PSP.apiKey())
                .containsEntry("PSP_WEBHOOKS_SECRETS", PSP.webhookSecret());
        assertThat(specs.spec(KassaService.RECONCILIATION).environment())
                .containsEntry("KASSA_RECONCILIATION_PSP_API_KEY", PSP.apiKey())
                .doesNotContainValue(PSP.webhookSecret());
        for (KassaService service : List.of(KassaService.WALLET, KassaService.LEDGER)) {
            assertThat(specs.spec(service).environment().values()).as(service.module())
                    .doesNotContain(PSP.apiKey(), PSP.webhookSecret());
        }
    }

    @Test
    void theServicesFindEachOtherAndTheBrokerThroughTheirArguments() {
        assertThat(specs.spec(KassaService.PAYMENT).properties())
                .containsEntry("kassa.psp.base-url", "http://127.0.0.1:8081")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:9092")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/payment");
        assertThat(specs.spec(KassaService.PSP_MOCK).properties())
                .containsEntry("psp.webhooks.endpoints", "http://127.0.0.1:8080/api/v1/webhooks/psp")
                .doesNotContainKey("spring.kafka.bootstrap-servers");
        assertThat(specs.spec(KassaService.RECONCILIATION).properties())
                .containsEntry("kassa.reconciliation.psp.base-url", "http://127.0.0.1:8081");
    }

    @Test
    void withTwoInstancesEachHasItsPortAndLogAndTheProxyTakesTheServicesPorts() {
        ServiceSpecs twoEach = specs(SystemSettings.defaults(Path.of("/tmp/kassa")).withInstances(2));

        ServiceSpec second = twoEach.spec(KassaService.PAYMENT, 1);
        assertThat(second.name()).isEqualTo("payment-service-2");
        assertThat(second.port()).isEqualTo(18180);
        assertThat(second.logFile()).isEqualTo(Path.of("/tmp/kassa/logs/payment-service-2.log"));
        // It reaches psp-mock through the proxy, on psp-mock's usual port.
        assertThat(second.properties()).containsEntry("kassa.psp.base-url", "http://127.0.0.1:8081");
        assertThat(twoEach.spec(KassaService.PSP_MOCK, 0).port()).isEqualTo(18081);

        ServiceSpec proxy = twoEach.proxy();
        assertThat(proxy.port()).isEqualTo(SystemSettings.DEFAULT_PROXY_PORT);
        assertThat(proxy.jar()).isEqualTo(Path.of("/jars/proxy.jar"));
        assertThat(proxy.properties())
                .containsEntry("kassa.proxy.services.payment-service.port", "8080")
                .containsEntry("spring.cloud.discovery.client.simple.instances.payment-service[0].uri",
                        "http://127.0.0.1:18080")
                .containsEntry("spring.cloud.discovery.client.simple.instances.payment-service[1].uri",
                        "http://127.0.0.1:18180")
                .containsEntry("spring.cloud.discovery.client.simple.instances.reconciliation-service[1].uri",
                        "http://127.0.0.1:18184");
        assertThat(proxy.environment()).isEmpty();
    }

    @Test
    void extraJvmOptionsReachEveryInstanceTheProxyAndTheConsoleAfterTheDefaults() {
        ServiceSpecs c1Only = specs(SystemSettings.defaults(Path.of("/tmp/kassa")).withInstances(2)
                .withServiceJvmOptions(List.of("-XX:TieredStopAtLevel=1")));

        List<ServiceSpec> all = Stream.concat(Stream.of(KassaService.values())
                        .flatMap(service -> Stream.of(c1Only.spec(service, 0), c1Only.spec(service, 1))),
                Stream.of(c1Only.proxy(), c1Only.console())).toList();

        assertThat(all).allSatisfy(spec -> assertThat(spec.jvmOptions()).as(spec.name())
                .endsWith("-XX:TieredStopAtLevel=1").containsAll(ServiceSpec.DEFAULT_JVM_OPTIONS));
        assertThat(specs.spec(KassaService.PAYMENT).jvmOptions()).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theConsoleFindsTheServicesAtTheirPortsAndKnowsTheOperator() {
        ServiceSpec console = specs.console();

        assertThat(console.name()).isEqualTo("operator-console");
        assertThat(console.jar()).isEqualTo(Path.of("/jars/operator-console.jar"));
        assertThat(console.port()).isEqualTo(SystemSettings.DEFAULT_CONSOLE_PORT).isEqualTo(8086);
        assertThat(console.logFile()).isEqualTo(Path.of("/tmp/kassa/logs/operator-console.log"));
        assertThat(console.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "server.port", "8086",
                "kassa.console.services.payment", "http://127.0.0.1:8080",
                "kassa.console.services.psp-mock", "http://127.0.0.1:8081",
                "kassa.console.services.wallet", "http://127.0.0.1:8082",
                "kassa.console.services.ledger", "http://127.0.0.1:8083",
                "kassa.console.services.reconciliation", "http://127.0.0.1:8084"));
        // The operators as every service has them, and nothing else of the services': no database, no broker, no PSP.
        assertThat(console.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "KASSA_SECURITY_OPERATORS_0_NAME", "local-admin",
                "KASSA_SECURITY_OPERATORS_0_ROLES", "OPERATOR,FINANCE,VIEWER",
                "KASSA_SECURITY_OPERATORS_0_KEY_SHA256", SecretKeys.sha256Hex(OPERATOR.key())));
        assertThat(ServiceProcess.commandLine(console))
                .noneMatch(argument -> argument.contains(OPERATOR.key()) || argument.contains(OPERATOR.sha256()));
    }

    @Test
    void withSeveralInstancesTheConsoleCallsTheProxyOnItsOwnPort() {
        ServiceSpec console = specs(SystemSettings.defaults(Path.of("/tmp/kassa")).withInstances(2)
                .withConsolePort(18086)).console();

        assertThat(console.name()).isEqualTo("operator-console");
        assertThat(console.port()).isEqualTo(18086);
        assertThat(console.properties())
                .containsEntry("server.port", "18086")
                .containsEntry("kassa.console.services.payment", "http://127.0.0.1:8080")
                .containsEntry("kassa.console.services.reconciliation", "http://127.0.0.1:8084");
    }

    @Test
    void extraOperatorsFollowTheLaunchersOwnInEveryServiceAndTheConsole() {
        OperatorKey viewer = OperatorKey.generate("viewer-only", List.of("VIEWER"));
        OperatorKey finance = OperatorKey.generate("finance-only", List.of("FINANCE"));
        ServiceSpecs withExtra = specs(SystemSettings.defaults(Path.of("/tmp/kassa"))
                .withOperators(List.of(viewer, finance)));

        List<ServiceSpec> all = Stream.concat(Stream.of(KassaService.values()).map(withExtra::spec),
                Stream.of(withExtra.console())).toList();
        for (ServiceSpec spec : all) {
            assertThat(spec.environment()).as(spec.name())
                    .containsEntry("KASSA_SECURITY_OPERATORS_0_NAME", "local-admin")
                    .containsEntry("KASSA_SECURITY_OPERATORS_0_ROLES", "OPERATOR,FINANCE,VIEWER")
                    .containsEntry("KASSA_SECURITY_OPERATORS_0_KEY_SHA256", SecretKeys.sha256Hex(OPERATOR.key()))
                    .containsEntry("KASSA_SECURITY_OPERATORS_1_NAME", "viewer-only")
                    .containsEntry("KASSA_SECURITY_OPERATORS_1_ROLES", "VIEWER")
                    .containsEntry("KASSA_SECURITY_OPERATORS_1_KEY_SHA256", SecretKeys.sha256Hex(viewer.key()))
                    .containsEntry("KASSA_SECURITY_OPERATORS_2_NAME", "finance-only")
                    .containsEntry("KASSA_SECURITY_OPERATORS_2_ROLES", "FINANCE")
                    .containsEntry("KASSA_SECURITY_OPERATORS_2_KEY_SHA256", SecretKeys.sha256Hex(finance.key()))
                    .doesNotContainKey("KASSA_SECURITY_OPERATORS_3_NAME")
                    .doesNotContainValue(viewer.key())
                    .doesNotContainValue(finance.key());
            assertThat(ServiceProcess.commandLine(spec)).as(spec.name())
                    .noneMatch(argument -> argument.contains(viewer.key()) || argument.contains(viewer.sha256())
                            || argument.contains(finance.key()) || argument.contains(finance.sha256()));
        }
        // Without extra operators there is the launcher's only.
        assertThat(specs.spec(KassaService.PAYMENT).environment()).doesNotContainKey("KASSA_SECURITY_OPERATORS_1_NAME");
    }
}
