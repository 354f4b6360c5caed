package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.localstack.KafkaCredentials;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.access.KafkaAccess;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * Below the services, the broker lets no one move money (docs/architecture.md §11): a {@code PaymentOrderSucceeded}
 * forged from outside, or by a service that does not own {@code payment.results}, never reaches the wallet or the
 * ledger, and each service runs as its own principal with its password only in its environment.
 */
@SystemTest
class KafkaAccessTest {

    @Test
    void aForgedPaymentResultFromOutsideMovesNoMoney(Kassa kassa) {
        Ids ids = Ids.forTest("forge");
        String seller = ids.seller("s");
        PaymentOrderSucceeded forged = TestEvents.paymentSucceeded(ids.order(), seller, 1_000_000, "EUR");

        Map<String, Object> anonymous = quick(Map.of("bootstrap.servers", kassa.system().kafka().bootstrapServers()));
        try (EventProducer outsider = new EventProducer(anonymous)) {
            assertThatThrownBy(() -> outsider.send(forged)).hasRootCauseInstanceOf(TimeoutException.class);
        }
        KafkaCredentials wallet = kassa.system().kafkaPrincipals().of(ConsumerGroups.WALLET_SERVICE).orElseThrow();
        try (EventProducer notTheOwner = new EventProducer(quick(kassa.system().kafka().clientProperties(wallet)))) {
            assertThatThrownBy(() -> notTheOwner.send(forged)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }

        // A real payment to the same seller completes, and the seller has its amount, not a cent more.
        Ids genuine = Ids.forTest("genuine");
        CheckoutRequest checkout = CheckoutRequest.of(genuine.checkout(), "tok_visa",
                new Order(genuine.order(), seller, "3.00", "EUR"));
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());
        assertThat(kassa.books().walletBalance(seller, "EUR")).isEqualTo(300);
        assertThat(kassa.books().ledgerEntries(ids.order())).as("ledger entries of the forged order").isEmpty();
    }

    @Test
    void eachServiceRunsAsItsOwnPrincipalWithThePasswordOutOfItsCommandLine(Kassa kassa) {
        for (String principal : KafkaAccess.principals()) {
            KassaService service = Arrays.stream(KassaService.values())
                    .filter(s -> s.module().equals(principal)).findFirst().orElseThrow();
            KafkaCredentials credentials = kassa.system().kafkaPrincipals().of(principal).orElseThrow();
            List<String> arguments = ProcessHandle.of(kassa.process(service).pid()).orElseThrow().info().arguments()
                    .map(List::of).orElseThrow();

            assertThat(arguments).as(principal + "'s command line")
                    .contains("--kassa.kafka.username=" + principal)
                    .noneMatch(argument -> argument.contains(credentials.password()));
        }
    }

    /** Gives up on the broker after a few seconds instead of Kafka's minute. */
    private static Map<String, Object> quick(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }
}
