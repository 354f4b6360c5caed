package dev.kassa.systemtests.support;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.access.Credentials;
import dev.kassa.launcher.checks.Databases;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.Supervised;
import dev.kassa.schemas.access.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The running system as a test sees it: each service's API, its database, its process (to kill and restart),
 * and the broker, all of the one {@link KassaSystem} this JVM shares between test classes. The APIs are called as
 * the launcher's demo calls them: payment-service's merchant API (checkouts, their orders, refunds, disputes) through
 * {@code kassa-client}, the library merchants take, with the demo merchant's key ({@link Payments}, {@link Disputes});
 * everything operators read or change (wallets, ledger, reconciliation, dead letters, metrics, psp-mock's fault
 * switches) with the launcher's plain HTTP client and the operator key, which has every role. Every exchange, through
 * either client, is checked against the called service's API document.
 */
public final class Kassa {

    /**
     * Besides the launcher's operator (every role), the system is started with one operator per role, each named after
     * its role ({@code VIEWER}, ...), for the console's tests of what each role sees and may do.
     */
    static final List<String> ONE_ROLE_OPERATORS = List.of("VIEWER", "FINANCE", "OPERATOR");

    private final KassaSystem system;
    private final ContractChecks contracts;
    private final KassaClient operator;
    private final Disputes disputes;
    private final Payments payments;
    private final Books books;
    private final Psp psp;
    private final Webhooks webhooks;
    private final Databases databases;

    Kassa(KassaSystem system) {
        this.system = system;
        this.contracts = new ContractChecks(system);
        this.operator = checked(KassaClient.withKey(system.credentials().operator().key()));
        this.payments = new Payments(system.url(KassaService.PAYMENT), system.credentials().merchant().key(),
                contracts);
        this.disputes = new Disputes(system.url(KassaService.PAYMENT), system.credentials().merchant().key(),
                contracts);
        this.books = new Books(operator, system.url(KassaService.WALLET), system.url(KassaService.LEDGER),
                system.url(KassaService.RECONCILIATION));
        this.psp = new Psp(system.url(KassaService.PSP_MOCK), checked(KassaClient.withKey(system.pspSecrets().apiKey())),
                operator);
        this.webhooks = new Webhooks(system.url(KassaService.PAYMENT), checked(new KassaClient()));
        this.databases = Databases.of(system.postgres());
    }

    /** Exchanges with the services checked against their API documents so far. */
    public long contractChecked() {
        return contracts.checked();
    }

    /**
     * {@code client} (the launcher's plain one, for what is not the merchant API or tests the HTTP surface itself), with
     * every exchange checked against the called service's API document.
     */
    public KassaClient checked(KassaClient client) {
        return client.observedBy(contracts);
    }

    public Payments payments() {
        return payments;
    }

    public Disputes disputes() {
        return disputes;
    }

    public Books books() {
        return books;
    }

    public Psp psp() {
        return psp;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    public Databases db() {
        return databases;
    }

    /** The whole system as the launcher runs it (the benchmark drives it through this). */
    public KassaSystem system() {
        return system;
    }

    public DeadLetters deadLetters(KassaService service) {
        return new DeadLetters(operator, system.url(service));
    }

    public Prometheus metrics(KassaService service) {
        return new Prometheus(operator, system.url(service));
    }

    /** The operator key (every role) and the demo merchant's key the system was started with. */
    public Credentials credentials() {
        return system.credentials();
    }

    /** The key of the operator that has only {@code role} (one of {@link #ONE_ROLE_OPERATORS}). */
    public String operatorKeyWithOnly(String role) {
        return system.settings().extraOperators().stream().filter(operator -> operator.name().equals(role))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no operator with only " + role))
                .key();
    }

    /** The operator console's address. */
    public String consoleUrl() {
        return system.consoleUrl();
    }

    /** The service's process: {@code kill()} is SIGKILL, {@code restart()}, {@code awaitHealthy(...)}. */
    public ServiceProcess process(KassaService service) {
        return system.service(service);
    }

    /**
     * Publishes {@code value} as it is, no serializer of ours involved, as the topic's owning service's principal
     * (a producer gone wrong where it may write).
     */
    public RecordMetadata sendRaw(String topic, String key, byte[] value) {
        Properties config = new Properties();
        config.putAll(system.kafka().clientProperties(
                system.kafkaPrincipals().of(KafkaAccess.ownerOf(topic)).orElseThrow()));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the record: " + e, e);
        }
    }

    /** Where each service writes its log, for failure messages. */
    public Map<String, String> logFiles() {
        Map<String, String> logs = new LinkedHashMap<>();
        // Every process: the broker, PostgreSQL, each instance of each service, and the proxy when there is one.
        for (Supervised process : system.supervisedProcesses()) {
            logs.put(process.name(), process.logFile().toAbsolutePath().toString());
        }
        return logs;
    }
}
