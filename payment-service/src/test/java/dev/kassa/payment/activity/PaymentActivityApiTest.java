package dev.kassa.payment.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.testfixtures.TestKeys;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/payments/activity}: orders that reached SUCCEEDED or FAILED per minute over the last minutes, from
 * {@code payment_order_history}, for every operator role. The database is shared by every test class of the JVM, so
 * exact counts are asserted on minutes long past, which only this class writes history into.
 */
class PaymentActivityApiTest extends PaymentServiceTestBase {

    private static final String PATH = "/admin/payments/activity";

    @Autowired
    TransactionTemplate transactions;

    @Test
    void ordersThatSucceedOrFailAreCountedInTheMinuteTheyDidSo() {
        JsonNode before = activity("?minutes=1440");
        List<String> paid = List.of(id("po"), id("po"));
        String declined = id("po");
        for (String order : paid) {
            assertThat(api.postJson("/api/v1/payments", checkout(id("chk"), order, "4.00", "USD", "tok_visa"))
                    .status()).isEqualTo(202);
        }
        assertThat(api.postJson("/api/v1/payments", checkout(id("chk"), declined, "2.00", "USD", "tok_chargeDeclined"))
                .status()).isEqualTo(202);
        eventually().until(() -> orderStatus(paid.get(0)).equals("SUCCEEDED")
                && orderStatus(paid.get(1)).equals("SUCCEEDED") && orderStatus(declined).equals("FAILED"));

        JsonNode after = activity("?minutes=1440");

        // Other classes' orders may complete meanwhile: these three are counted, and the totals are the minutes'.
        assertThat(after.path("succeeded").asLong() - before.path("succeeded").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(after.path("failed").asLong() - before.path("failed").asLong()).isGreaterThanOrEqualTo(1);
        Map<Instant, long[]> minutes = minutes(after);
        assertThat(minutes.values().stream().mapToLong(counts -> counts[0]).sum())
                .isEqualTo(after.path("succeeded").asLong());
        assertThat(minutes.values().stream().mapToLong(counts -> counts[1]).sum())
                .isEqualTo(after.path("failed").asLong());
        for (String order : paid) {
            assertThat(minutes.get(outcomeMinute(order))).as(order).isNotNull()
                    .satisfies(counts -> assertThat(counts[0]).isPositive());
        }
        assertThat(minutes.get(outcomeMinute(declined))).isNotNull()
                .satisfies(counts -> assertThat(counts[1]).isPositive());
    }

    @Test
    void eachMinuteOfTheWindowCountsItsOutcomesOldestFirstAndNothingOutsideIt() {
        // Twenty hours ago: inside a day's window, outside an hour's, and long before this JVM wrote any history.
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(20));
        Instant next = minute.plus(Duration.ofMinutes(1));
        Instant dayAndAnHourAgo = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(25));
        history(minute.plusSeconds(5), "EXECUTING", "SUCCEEDED");
        history(minute.plusSeconds(30), "EXECUTING", "FAILED");
        history(minute.plusSeconds(59), "EXECUTING", "SUCCEEDED");
        history(minute.plusSeconds(40), "NOT_STARTED", "EXECUTING"); // not an outcome
        history(next.plusSeconds(1), "FAILED", "EXECUTING");
        history(next.plusSeconds(2), "EXECUTING", "FAILED");
        history(dayAndAnHourAgo.plusSeconds(10), "EXECUTING", "SUCCEEDED"); // before the longest window

        Instant asked = Instant.now();
        JsonNode day = activity("?minutes=1440");

        Instant since = Instant.parse(day.path("since").asString());
        Instant until = Instant.parse(day.path("until").asString());
        assertThat(Duration.between(since, until)).isEqualTo(Duration.ofDays(1));
        assertThat(until).isBetween(asked.minusSeconds(1), Instant.now());
        Map<Instant, long[]> minutes = minutes(day);
        assertThat(minutes.get(minute)).containsExactly(2, 1);
        assertThat(minutes.get(next)).containsExactly(0, 1);
        assertThat(minutes).doesNotContainKey(dayAndAnHourAgo);
        assertThat(new ArrayList<>(minutes.keySet())).isSorted().allSatisfy(start -> assertThat(start).isAfter(since));

        JsonNode hour = activity("?minutes=60");
        assertThat(minutes(hour)).doesNotContainKeys(minute, next);
        assertThat(Duration.between(Instant.parse(hour.path("since").asString()),
                Instant.parse(hour.path("until").asString()))).isEqualTo(Duration.ofHours(1));
        JsonNode byDefault = activity("");
        assertThat(Duration.between(Instant.parse(byDefault.path("since").asString()),
                Instant.parse(byDefault.path("until").asString()))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyOperatorRoleReadsItAndMerchantsAndAnonymousCallersAreRefused() {
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            HttpApi.Response response = anonymous.as(key).get(PATH);
            assertThat(response.status()).as(key + ": " + response.body()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
        }
        HttpApi.Response byMerchant = api.get(PATH);
        assertThat(byMerchant.status()).as(byMerchant.body()).isEqualTo(403);
        assertThat(byMerchant.json().path("type").asString()).endsWith("/forbidden");
        HttpApi.Response byAnonymous = anonymous.get(PATH);
        assertThat(byAnonymous.status()).as(byAnonymous.body()).isEqualTo(401);
        assertThat(byAnonymous.json().path("type").asString()).endsWith("/unauthenticated");
    }

    @Test
    void minutesOutsideOneToADayOrNotANumberAreRefusedWithTheirName() {
        for (String minutes : new String[] {"0", "1441", "-5", "abc", "1.5", ""}) {
            HttpApi.Response response = operator.get(PATH + "?minutes=" + minutes);
            assertThat(response.status()).as(minutes + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).endsWith("/invalid-request");
            assertThat(response.body()).contains("minutes");
        }
        assertThat(operator.get(PATH + "?minutes=1").status()).isEqualTo(200);
        assertThat(operator.get(PATH + "?minutes=1440").status()).isEqualTo(200);
    }

    /** Changeset 007: the window is read through the BRIN index, where the planner does not prefer reading it all. */
    @Test
    void theWindowCanBeReadThroughTheBrinIndexOnOccurredAt() {
        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + PaymentActivity.PER_MINUTE)
                    .param("succeeded", "SUCCEEDED")
                    .param("failed", "FAILED")
                    .param("since", Timestamp.from(Instant.now().minus(Duration.ofHours(1))))
                    .param("until", Timestamp.from(Instant.now()))
                    .query(String.class).list());
        });
        assertThat(plan).contains("Bitmap Index Scan on payment_order_history_occurred_at_brin");
    }

    private JsonNode activity(String query) {
        HttpApi.Response response = operator.get(PATH + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Each listed minute's start with its {succeeded, failed}, in the order listed. */
    private static Map<Instant, long[]> minutes(JsonNode activity) {
        Map<Instant, long[]> minutes = new LinkedHashMap<>();
        for (JsonNode entry : activity.path("minutes")) {
            long[] counts = {entry.path("succeeded").asLong(), entry.path("failed").asLong()};
            assertThat(counts[0] + counts[1]).as(entry.toString()).isPositive();
            assertThat(minutes.put(Instant.parse(entry.path("minute").asString()), counts)).isNull();
        }
        return minutes;
    }

    /** The minute (UTC) in which the history recorded the order's outcome. */
    private Instant outcomeMinute(String orderId) {
        return jdbc.sql("""
                SELECT date_trunc('minute', occurred_at, 'UTC') FROM payment_order_history
                 WHERE payment_order_id = ? AND to_status IN ('SUCCEEDED', 'FAILED')""")
                .param(orderId).query(Timestamp.class).single().toInstant();
    }

    /** A history entry at a chosen time, as the triggers write it (plain SQL, as an operator's fix in psql would). */
    private void history(Instant at, String from, String to) {
        jdbc.sql("""
                INSERT INTO payment_order_history (payment_order_id, occurred_at, from_status, to_status, attempt,
                                                   cause)
                VALUES (?, ?, ?, ?, 1, 'SYSTEM')""")
                .params(id("po"), Timestamp.from(at), from, to).update();
    }
}
