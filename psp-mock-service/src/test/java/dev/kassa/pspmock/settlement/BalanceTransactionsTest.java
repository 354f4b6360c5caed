package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.BalanceTransactionListParams;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.StripeSdk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v1/balance_transactions} through Stripe's official Java client, pointed at psp-mock as people point
 * it at stripe-mock ({@code setApiBase}). Charges and refunds are made with the JSON test support; each test lists
 * from the second it started, and picks its own transactions out of what other tests left in the day.
 */
class BalanceTransactionsTest extends PspIntegrationTest {

    private static final Comparator<BalanceTransaction> NEWEST_FIRST = Comparator
            .comparing(BalanceTransaction::getCreated).thenComparing(BalanceTransaction::getId).reversed();

    private final Set<LocalDate> touchedDays = new LinkedHashSet<>();
    private StripeClient stripe;
    private long since;

    @BeforeEach
    void stripeClient() {
        stripe = StripeSdk.client(port);
        since = Instant.now().getEpochSecond();
    }

    @AfterEach
    void removeInjectedDiscrepancies() {
        touchedDays.forEach(day -> admin.delete("/admin/settlements/" + day + "/discrepancies"));
    }

    @Test
    void chargesAndRefundsAreListedWithTheirFeesAndFilteredByCreatedAndType() throws StripeException {
        String eur = succeeded(api.createIntent(10_000, "EUR", "tok_visa"));
        String jpy = succeeded(api.createIntent(5_000, "JPY", "tok_mastercard"));
        String refund = api.refund(eur, 1_000).json().path("id").stringValue();
        Set<String> ours = Set.of(chargeOf(eur), chargeOf(jpy), refund);

        List<BalanceTransaction> all = ours(listAll(created().build()), ours);

        assertThat(all).hasSize(3).isSortedAccordingTo(NEWEST_FIRST);
        BalanceTransaction charge = bySource(all, chargeOf(eur));
        assertThat(charge.getId()).startsWith("txn_");
        assertThat(charge.getObject()).isEqualTo("balance_transaction");
        assertThat(charge.getType()).isEqualTo("charge");
        assertThat(charge.getReportingCategory()).isEqualTo("charge");
        assertThat(charge.getStatus()).isEqualTo("available");
        assertThat(charge.getCurrency()).isEqualTo("eur");
        // EUR: 1.4 % + 0.25 (application.yaml), as in the settlement file.
        assertThat(charge.getAmount()).isEqualTo(10_000);
        assertThat(charge.getFee()).isEqualTo(165);
        assertThat(charge.getNet()).isEqualTo(9_835);
        assertThat(charge.getFeeDetails()).singleElement().satisfies(fee -> {
            assertThat(fee.getType()).isEqualTo("stripe_fee");
            assertThat(fee.getAmount()).isEqualTo(165);
            assertThat(fee.getCurrency()).isEqualTo("eur");
            assertThat(fee.getDescription()).isNotBlank();
        });
        assertThat(charge.getExchangeRate()).isNull();
        assertThat(charge.getCreated()).isBetween(since, Instant.now().getEpochSecond());
        assertThat(charge.getAvailableOn()).isEqualTo(charge.getCreated());
        BalanceTransaction refunded = bySource(all, refund);
        assertThat(refunded.getType()).isEqualTo("refund");
        assertThat(refunded.getReportingCategory()).isEqualTo("refund");
        assertThat(refunded.getAmount()).isEqualTo(-1_000);
        assertThat(refunded.getFee()).isZero();
        assertThat(refunded.getNet()).isEqualTo(-1_000);
        assertThat(refunded.getFeeDetails()).isEmpty();
        assertThat(bySource(all, chargeOf(jpy)))
                .returns("jpy", BalanceTransaction::getCurrency).returns(5_000L, BalanceTransaction::getAmount)
                .returns(180L, BalanceTransaction::getFee);

        assertThat(ours(listAll(created().setType("charge").build()), ours))
                .extracting(BalanceTransaction::getType).containsOnly("charge").hasSize(2);
        assertThat(ours(listAll(created().setType("refund").build()), ours))
                .extracting(BalanceTransaction::getSource).containsExactly(refund);
        assertThat(listAll(created().setType("payout").build())).isEmpty();
        long last = all.getFirst().getCreated();
        assertThat(ours(listAll(params(BalanceTransactionListParams.Created.builder()
                .setGte(since - 60).setLt(since).build())), ours))
                .isEmpty();
        assertThat(ours(listAll(params(BalanceTransactionListParams.Created.builder().setGt(last).build())), ours))
                .isEmpty();
        assertThat(ours(listAll(params(BalanceTransactionListParams.Created.builder()
                .setGte(since).setLte(last).build())), ours)).hasSize(3);
    }

    @Test
    void startingAfterPagesThroughEveryTransactionOnceNewestFirst() throws StripeException {
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ours.add(chargeOf(succeeded(api.createIntent(100 + i, "EUR", "tok_visa"))));
        }

        List<BalanceTransaction> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String startingAfter = null;
        boolean hasMore = true;
        while (hasMore) {
            BalanceTransactionListParams.Builder params = created().setLimit(2L);
            if (startingAfter != null) {
                params.setStartingAfter(startingAfter);
            }
            StripeCollection<BalanceTransaction> page = stripe.v1().balanceTransactions().list(params.build());
            paged.addAll(page.getData());
            pageSizes.add(page.getData().size());
            hasMore = page.getHasMore();
            startingAfter = page.getData().getLast().getId();
        }

        assertThat(paged).extracting(BalanceTransaction::getId).doesNotHaveDuplicates();
        assertThat(paged).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(ours(paged, ours)).hasSize(7);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).containsOnly(2);
        // The SDK's own auto-paging reads the same rows, in the same order.
        assertThat(listAll(created().setLimit(3L).build())).extracting(BalanceTransaction::getId)
                .containsExactlyElementsOf(paged.stream().map(BalanceTransaction::getId).toList());
        // ending_before goes back towards the newer ones: the page just before the second page is the first.
        BalanceTransaction third = paged.get(2);
        StripeCollection<BalanceTransaction> before = stripe.v1().balanceTransactions()
                .list(created().setLimit(2L).setEndingBefore(third.getId()).build());
        assertThat(before.getData()).extracting(BalanceTransaction::getId)
                .containsExactly(paged.get(0).getId(), paged.get(1).getId());
        assertThat(before.getHasMore()).isFalse();
    }

    @Test
    void expandedSourcesAreTheChargeAndTheRefundWithTheirIntentAndMetadata() throws StripeException {
        String order = "po-" + UUID.randomUUID();
        Response created = api.post("/v1/payment_intents", PspApi.newKey(),
                PspApi.intentBody(2_500, "EUR", "tok_visa", order));
        String intent = succeeded(created);
        String refund = api.post("/v1/refunds", PspApi.newKey(), """
                {"payment_intent": "%s", "amount": 700, "metadata": {"reason_code": "damaged"}}""".formatted(intent))
                .json().path("id").stringValue();

        List<BalanceTransaction> ours = ours(listAll(created().addExpand("data.source").build()),
                Set.of(chargeOf(intent), refund));

        BalanceTransaction chargeTxn = ours.stream().filter(t -> t.getType().equals("charge")).findFirst().orElseThrow();
        assertThat(chargeTxn.getSource()).isEqualTo(chargeOf(intent));
        assertThat(chargeTxn.getSourceObject()).isInstanceOfSatisfying(Charge.class, charge -> {
            assertThat(charge.getId()).isEqualTo(chargeOf(intent));
            assertThat(charge.getPaymentIntent()).isEqualTo(intent);
            assertThat(charge.getMetadata()).containsEntry("payment_order_id", order);
            assertThat(charge.getAmount()).isEqualTo(2_500);
            assertThat(charge.getCurrency()).isEqualTo("eur");
            assertThat(charge.getStatus()).isEqualTo("succeeded");
            assertThat(charge.getCreated()).isEqualTo(chargeTxn.getCreated());
            assertThat(charge.getBalanceTransaction()).isEqualTo(chargeTxn.getId());
        });
        BalanceTransaction refundTxn = ours.stream().filter(t -> t.getType().equals("refund")).findFirst().orElseThrow();
        assertThat(refundTxn.getSourceObject()).isInstanceOfSatisfying(Refund.class, r -> {
            assertThat(r.getId()).isEqualTo(refund);
            assertThat(r.getPaymentIntent()).isEqualTo(intent);
            assertThat(r.getCharge()).isEqualTo(chargeOf(intent));
            assertThat(r.getAmount()).isEqualTo(700);
            assertThat(r.getMetadata()).containsExactlyEntriesOf(Map.of("reason_code", "damaged"));
            assertThat(r.getStatus()).isEqualTo("succeeded");
        });
    }

    /** reconciliation-service asks as a form-encoded query, {@code expand[]=…} rather than the SDK's {@code expand[0]}. */
    @Test
    void theQueryReconciliationSendsIsUnderstood() {
        String intent = succeeded(api.createIntent(1_234, "GBP", "tok_visa"));
        String query = form(Map.of("created[gte]", String.valueOf(since), "created[lt]",
                String.valueOf(Instant.now().getEpochSecond() + 1), "limit", "100", "expand[]", "data.source"));

        Response response = api.get("/v1/balance_transactions?" + query);

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.path("object").stringValue()).isEqualTo("list");
        assertThat(list.path("url").stringValue()).isEqualTo("/v1/balance_transactions");
        assertThat(list.path("has_more").isBoolean()).isTrue();
        JsonNode txn = StreamSupport.stream(list.path("data").spliterator(), false)
                .filter(t -> intent.equals(t.path("source").path("payment_intent").stringValue(null)))
                .findFirst().orElseThrow();
        assertThat(txn.path("source").path("object").stringValue()).isEqualTo("charge");
        assertThat(txn.path("source").path("metadata").path("payment_order_id").stringValue()).startsWith("po-");
        assertThat(txn.path("currency").stringValue()).isEqualTo("gbp");
        assertThat(txn.has("exchange_rate")).isTrue();
        assertThat(txn.path("exchange_rate").isNull()).isTrue();
    }

    @Test
    void theSettlementDiscrepanciesShowInTheList() throws StripeException {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        touchedDays.add(day);
        String dropped = succeeded(api.createIntent(1_111, "EUR", "tok_visa"));
        String changed = succeeded(api.createIntent(2_222, "EUR", "tok_visa"));
        Map<String, BalanceTransaction> before = bySourceIntent(
                ours(listAll(created().build()), Set.of(chargeOf(dropped), chargeOf(changed))));
        String droppedTxn = before.get(dropped).getId();
        String changedTxn = before.get(changed).getId();

        assertThat(admin.post("/admin/settlements/" + day + "/drop-row", null,
                "{\"balance_transaction_id\": \"" + droppedTxn + "\"}").status()).isEqualTo(201);
        assertThat(admin.post("/admin/settlements/" + day + "/change-amount", null,
                "{\"balance_transaction_id\": \"" + changedTxn + "\", \"amount\": 2000}").status()).isEqualTo(201);
        JsonNode added = admin.post("/admin/settlements/" + day + "/add-row", null,
                "{\"amount\": 4321, \"currency\": \"GBP\", \"payment_order_id\": \"po-never-sent\"}").json();
        String addedIntent = added.path("payment_intent_id").stringValue();
        String addedTxn = added.path("balance_transaction_id").stringValue();
        JsonNode addedRefund = admin.post("/admin/settlements/" + day + "/add-row", null,
                "{\"type\": \"refund\", \"amount\": 300, \"currency\": \"EUR\"}").json();

        List<BalanceTransaction> after = listAll(created().addExpand("data.source").build());

        assertThat(after).extracting(BalanceTransaction::getId).doesNotContain(droppedTxn)
                .contains(changedTxn, addedTxn, addedRefund.path("balance_transaction_id").stringValue());
        assertThat(after).isSortedAccordingTo(NEWEST_FIRST);
        BalanceTransaction changedRow = byId(after, changedTxn);
        assertThat(changedRow.getAmount()).isEqualTo(2_000);
        assertThat(changedRow.getNet()).isEqualTo(2_000 - changedRow.getFee());
        assertThat(byId(after, addedTxn)).satisfies(txn -> {
            assertThat(txn.getType()).isEqualTo("charge");
            assertThat(txn.getAmount()).isEqualTo(4_321);
            assertThat(txn.getCurrency()).isEqualTo("gbp");
            assertThat(txn.getSourceObject()).isInstanceOfSatisfying(Charge.class, charge -> {
                assertThat(charge.getPaymentIntent()).isEqualTo(addedIntent);
                assertThat(charge.getId()).isEqualTo(chargeOf(addedIntent));
                assertThat(charge.getMetadata()).containsEntry("payment_order_id", "po-never-sent");
            });
        });
        assertThat(byId(after, addedRefund.path("balance_transaction_id").stringValue())).satisfies(txn -> {
            assertThat(txn.getAmount()).isEqualTo(-300);
            assertThat(txn.getSourceObject()).isInstanceOfSatisfying(Refund.class, r -> {
                assertThat(r.getId()).isEqualTo(addedRefund.path("refund_id").stringValue());
                assertThat(r.getPaymentIntent()).isEqualTo(addedRefund.path("payment_intent_id").stringValue());
            });
        });
        // Paging over the altered list still meets every row once.
        List<BalanceTransaction> paged = listAll(created().setLimit(1L).build());
        assertThat(paged).extracting(BalanceTransaction::getId)
                .containsExactlyElementsOf(after.stream().map(BalanceTransaction::getId).toList());

        admin.delete("/admin/settlements/" + day + "/discrepancies");
        List<BalanceTransaction> restored = listAll(created().build());
        assertThat(restored).extracting(BalanceTransaction::getId).contains(droppedTxn).doesNotContain(addedTxn);
        assertThat(byId(restored, changedTxn).getAmount()).isEqualTo(2_222);
    }

    @Test
    void badParametersAreInvalidRequestsNamingTheParameter() {
        InvalidRequestException tooMany = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().balanceTransactions().list(created().setLimit(101L).build()));
        assertThat(tooMany.getStatusCode()).isEqualTo(400);
        assertThat(tooMany.getParam()).isEqualTo("limit");
        assertThat(tooMany.getStripeError().getType()).isEqualTo("invalid_request_error");

        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().balanceTransactions().list(created().setLimit(0L).build())).getParam())
                .isEqualTo("limit");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().balanceTransactions().list(created().putExtraParam("colour", "red").build()))
                .getParam()).isEqualTo("colour");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().balanceTransactions().list(created().addExpand("data.payout").build()))
                .getParam()).startsWith("expand[");
        InvalidRequestException unknownCursor = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().balanceTransactions().list(created().setStartingAfter("txn_unknown").build()));
        assertThat(unknownCursor.getParam()).isEqualTo("starting_after");
        assertThat(unknownCursor.getCode()).isEqualTo("resource_missing");
        assertThatThrownBy(() -> stripe.v1().balanceTransactions().list(created()
                .setStartingAfter("txn_a").setEndingBefore("txn_b").build()))
                .isInstanceOf(InvalidRequestException.class);

        Response raw = api.get("/v1/balance_transactions?" + form(Map.of("created[gte]", "soon")));
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.errorParam()).isEqualTo("created[gte]");
        assertThat(raw.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
    }

    @Test
    void onlyThePspKeyListsThem() {
        assertThat(api.send(api.unauthorized("/v1/balance_transactions").GET()).status()).isEqualTo(401);
        assertThat(admin.get("/v1/balance_transactions").status()).isEqualTo(403);
    }

    /** Everything from the test's first second on, all pages (the SDK pages with starting_after). */
    private List<BalanceTransaction> listAll(BalanceTransactionListParams params) throws StripeException {
        StripeCollection<BalanceTransaction> first = stripe.v1().balanceTransactions().list(params);
        List<BalanceTransaction> all = new ArrayList<>();
        first.autoPagingIterable().forEach(all::add);
        return all;
    }

    private BalanceTransactionListParams.Builder created() {
        return BalanceTransactionListParams.builder().setLimit(100L)
                .setCreated(BalanceTransactionListParams.Created.builder().setGte(since).build());
    }

    private static BalanceTransactionListParams params(BalanceTransactionListParams.Created created) {
        return BalanceTransactionListParams.builder().setLimit(100L).setCreated(created).build();
    }

    /** The listed transactions of these sources: charges ({@code ch_X} of {@code pi_X}) and refunds. */
    private static List<BalanceTransaction> ours(List<BalanceTransaction> listed, Set<String> sources) {
        return listed.stream().filter(txn -> sources.contains(txn.getSource())).toList();
    }

    private static String chargeOf(String paymentIntentId) {
        return "ch_" + paymentIntentId.substring("pi_".length());
    }

    private static String intentOf(BalanceTransaction txn) {
        return "pi_" + txn.getSource().substring("ch_".length());
    }

    private static Map<String, BalanceTransaction> bySourceIntent(List<BalanceTransaction> listed) {
        return listed.stream().collect(Collectors.toMap(BalanceTransactionsTest::intentOf, Function.identity()));
    }

    private static BalanceTransaction bySource(List<BalanceTransaction> listed, String source) {
        return listed.stream().filter(t -> source.equals(t.getSource())).findFirst().orElseThrow();
    }

    private static BalanceTransaction byId(List<BalanceTransaction> listed, String id) {
        return listed.stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private static String form(Map<String, String> query) {
        return query.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String succeeded(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").stringValue()).isEqualTo("succeeded");
        return response.json().path("id").stringValue();
    }
}
