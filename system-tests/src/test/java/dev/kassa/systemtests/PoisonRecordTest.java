package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.CheckoutStatus;
import dev.kassa.launcher.KassaService;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.systemtests.support.DatabaseFault;
import dev.kassa.systemtests.support.DeadLetters;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A record on {@code payment.results} that its consumers cannot handle reaches the dead-letter topic of each
 * consumer group (wallet-service and ledger-service), is replayed through the admin API, and is applied
 * exactly once.
 *
 * <p>"Applied exactly once" needs a record that can be applied. Garbage bytes never can: replayed, they are
 * refused again by the group that replays them, so the honest claim for them is that they change nothing and
 * cannot loop — after {@code max-replays} (3) a replay parks them. The claim "replayed and applied once" is proven
 * with a real payment result that both consumers failed on (each database refused the write, a fault the test
 * injects for that seller only): after its retry topics it sits in both DLTs; once the fault is gone, each group's
 * replay applies it in that group only (a replay goes to the group's own retry topic, never back to the shared main
 * topic), and replaying it again changes nothing.
 */
@SystemTest
class PoisonRecordTest {

    private static final String WALLET_DLT = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.WALLET_SERVICE);
    private static final String LEDGER_DLT = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE);
    private static final int MAX_REPLAYS = 3;

    @Test
    void garbageBytesReachBothDeadLetterTopicsChangeNothingAndAreParkedInsteadOfLooping(Kassa kassa) {
        String key = Ids.forTest("garbage").prefix() + "-poison";
        DeadLetters wallet = kassa.deadLetters(KassaService.WALLET);
        DeadLetters ledger = kassa.deadLetters(KassaService.LEDGER);
        long movements = kassa.db().count("wallet", "SELECT count(*) FROM wallet_movement");
        long entries = kassa.db().count("ledger", "SELECT count(*) FROM journal_entry");

        kassa.sendRaw(Topics.PAYMENT_RESULTS, key, "{\"not\": \"an Avro record\"}".getBytes(StandardCharsets.UTF_8));

        JsonNode letter = awaitLetter(wallet, WALLET_DLT, key, 0);
        awaitLetter(ledger, LEDGER_DLT, key, 0);
        assertThat(letter.path("record_type").isNull()).as("undecodable: no record type").isTrue();
        assertThat(letter.path("original_topic").asString()).isEqualTo(Topics.PAYMENT_RESULTS);

        for (int replayed = 1; replayed <= MAX_REPLAYS; replayed++) {
            assertThat(replayOne(wallet, WALLET_DLT, letter)).isEqualTo("REPLAY");
            letter = awaitLetter(wallet, WALLET_DLT, key, replayed); // refused again, now counted
        }
        assertThat(replayOne(wallet, WALLET_DLT, letter)).isEqualTo("PARK");
        awaitLetter(wallet, WALLET_DLT + ".parking", key, MAX_REPLAYS);

        // Each replay went to the wallet's own retry topic, never back to payment.results: the ledger saw the bytes once.
        assertThat(ledger.withKey(LEDGER_DLT, key)).hasSize(1);
        assertThat(kassa.db().count("wallet", "SELECT count(*) FROM wallet_movement")).isEqualTo(movements);
        assertThat(kassa.db().count("ledger", "SELECT count(*) FROM journal_entry")).isEqualTo(entries);
    }

    @Test
    void paymentResultDeadLetteredByBothConsumersIsAppliedExactlyOnceWhenReplayed(Kassa kassa) {
        Ids ids = Ids.forTest("replay");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "45.60", "USD"));
        String orderId = checkout.order().paymentOrderId();
        DeadLetters wallet = kassa.deadLetters(KassaService.WALLET);
        DeadLetters ledger = kassa.deadLetters(KassaService.LEDGER);

        JsonNode walletLetter;
        JsonNode ledgerLetter;
        try (DatabaseFault walletDown = DatabaseFault.refuseInserts(kassa.db(), "wallet", "wallet_movement", "account_id", seller);
             DatabaseFault ledgerDown = DatabaseFault.refuseInserts(kassa.db(), "ledger", "journal_entry", "seller_id", seller)) {
            kassa.payments().accept(checkout);
            // Through every retry topic of each group first (transient failures), then the DLT.
            walletLetter = awaitLetter(wallet, WALLET_DLT, orderId, 0);
            ledgerLetter = awaitLetter(ledger, LEDGER_DLT, orderId, 0);
        }
        String eventId = walletLetter.path("event_id").asString();
        assertThat(walletLetter.path("record_type").asString()).endsWith("PaymentOrderSucceeded");
        assertThat(ledgerLetter.path("event_id").asString()).isEqualTo(eventId);
        assertThat(kassa.payments().checkout(checkout.checkoutId()).status()).isEqualTo(CheckoutStatus.PROCESSING);
        assertThat(kassa.books().walletMovements(seller)).isEmpty();
        assertThat(kassa.books().ledgerEntries(orderId)).isEmpty();

        JsonNode replay = ledger.replay(Map.of("topic", LEDGER_DLT, "event_ids", List.of(eventId)));
        assertThat(replay.path("replayed").asInt()).isEqualTo(1);
        // A replay reaches only the group that failed (its own retry topic): the ledger applies it, the wallet not.
        await("the ledger applying its replay").atMost(Timeouts.SETTLE)
                .until(() -> kassa.books().ledgerEntries(orderId).size() == 1);
        assertThat(kassa.books().walletMovements(seller)).isEmpty();
        replay = wallet.replay(Map.of("topic", WALLET_DLT, "event_ids", List.of(eventId)));
        assertThat(replay.path("replayed").asInt()).isEqualTo(1);
        kassa.payments().awaitCompleted(checkout.checkoutId());
        assertAppliedOnce(kassa, seller, orderId);

        double walletDuplicates = duplicates(kassa, KassaService.WALLET);
        double ledgerDuplicates = duplicates(kassa, KassaService.LEDGER);
        assertThat(wallet.replay(Map.of("topic", WALLET_DLT, "event_ids", List.of(eventId))).path("replayed").asInt())
                .isEqualTo(1);
        assertThat(ledger.replay(Map.of("topic", LEDGER_DLT, "event_ids", List.of(eventId))).path("replayed").asInt())
                .isEqualTo(1);
        await("both consumers skipping the second replay as a duplicate").atMost(Timeouts.SETTLE).until(() ->
                duplicates(kassa, KassaService.WALLET) > walletDuplicates
                        && duplicates(kassa, KassaService.LEDGER) > ledgerDuplicates);
        assertAppliedOnce(kassa, seller, orderId);
    }

    private static void assertAppliedOnce(Kassa kassa, String seller, String orderId) {
        assertThat(kassa.books().walletMovements(seller))
                .extracting(m -> m.path("kind").asString() + " " + m.path("amount_minor").asLong())
                .containsExactly("CREDIT 4560");
        assertThat(kassa.books().ledgerEntries(orderId)).singleElement()
                .satisfies(entry -> assertThat(entry.path("kind").asString()).isEqualTo("PAYMENT"));
        assertThat(kassa.books().walletBalance(seller, "USD")).isEqualTo(4560);
        assertThat(kassa.books().sellerPayable(seller, "USD")).isEqualTo(4560);
    }

    /** Replays exactly one dead letter (its partition and offset) and answers what was done with it. */
    private static String replayOne(DeadLetters deadLetters, String topic, JsonNode letter) {
        long offset = letter.path("offset").asLong();
        JsonNode result = deadLetters.replay(Map.of("topic", topic, "partition", letter.path("partition").asInt(),
                "from_offset", offset, "to_offset", offset));
        assertThat(result.path("selected").asInt()).isEqualTo(1);
        return result.path("records").get(0).path("action").asString();
    }

    /** The newest dead letter with {@code key} once it carries {@code replayCount}. */
    private static JsonNode awaitLetter(DeadLetters deadLetters, String topic, String key, int replayCount) {
        return await(topic + " holding " + key + " replayed " + replayCount + " times").atMost(Timeouts.THROUGH_RETRIES)
                .until(() -> deadLetters.withKey(topic, key).stream()
                                .max(Comparator.comparingLong(letter -> letter.path("offset").asLong())),
                        newest -> newest.isPresent() && newest.get().path("replay_count").asInt() == replayCount)
                .orElseThrow();
    }

    private static double duplicates(Kassa kassa, KassaService service) {
        return kassa.metrics(service).sum("kassa_inbox_duplicates_total", "consumer=\"" + service.module() + "\"");
    }
}
