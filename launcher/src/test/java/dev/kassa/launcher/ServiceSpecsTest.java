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
import java.util.stream.Collectors;
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

    private final ServiceSpecs specs = new ServiceSpecs(SystemSettings.defaults(Path.of("/tmp/kassa")),
            "127.0.0.1:9092", KAFKA, database -> "jdbc:postgresql://127.0.0.1:5432/" + database,
            service -> new DatabaseRoles(new DatabaseRoles.Login(service.database() + "_owner", OWNER_PASSWORD),
                    new DatabaseRoles.Login(service.database() + "_app", DATABASE_PASSWORD)),
            OPERATOR, PSP, module -> Path.of("/jars", module + ".jar"));

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
        ServiceSpecs twoEach = new ServiceSpecs(SystemSettings.defaults(Path.of("/tmp/kassa")).withInstances(2),
                "127.0.0.1:9092", KAFKA, database -> "jdbc:postgresql://127.0.0.1:5432/" + database,
                service -> new DatabaseRoles(new DatabaseRoles.Login(service.database() + "_owner", OWNER_PASSWORD),
                        new DatabaseRoles.Login(service.database() + "_app", DATABASE_PASSWORD)),
                OPERATOR, PSP, module -> Path.of("/jars", module + ".jar"));

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
}
