package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.PaymentOrderStatus;
import dev.kassa.client.UnauthenticatedException;
import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.systemtests.support.Browser;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator console (docs/architecture.md §13) in a real headless Chromium against the whole system: each role signs
 * in and sees what it may do; an operator finds a payment, reads its timeline, refunds it and watches wallet, ledger
 * and timeline follow, retries a declined order, replays a dead letter and rotates a merchant's key; finance runs a
 * reconciliation and downloads its CSV; a viewer sees no action and a forged one is refused. Each page it passes is
 * kept as a screenshot under {@code target/console-screenshots}.
 */
@SystemTest
class OperatorConsoleTest {

    /** One browser for the class (starting Chromium is the slow part); each sign-in starts a new session. */
    private static Browser browser;

    @BeforeAll
    static void openTheBrowser(Kassa kassa) {
        browser = Browser.open(kassa.consoleUrl());
    }

    @Test
    void eachRoleSeesWhatItMayDoAndAForgedActionIsRefused(Kassa kassa) {
        String orderId = succeededPayment(kassa, "roles", "20.00");

        browser.signIn("opk_not_a_key_of_anyone_here_at_all00");
        assertThat(browser.text("p.failure")).contains("not an operator key");
        assertThat(browser.path()).isEqualTo("/sign-in");

        browser.signIn(kassa.operatorKeyWithOnly("VIEWER"));
        assertThat(browser.text("#operator-roles")).isEqualTo("VIEWER");
        assertThat(browser.text("#success-ratio")).isNotBlank();
        assertThat(browser.text("#services")).contains("payment-service", "UP");
        assertThat(browser.text("#lag-wallet-service")).as("the wallet's consumer lag").matches("\\d+");
        browser.screenshot("overview");

        browser.go("/payment-orders/" + orderId);
        assertThat(browser.text("#order-status")).contains("SUCCEEDED");
        assertThat(browser.has("#refund")).as("a viewer has no refund button").isFalse();
        browser.screenshot("payment-order-as-viewer");
        browser.go("/merchants");
        assertThat(browser.has("#create-merchant")).isFalse();
        browser.go("/reconciliation");
        assertThat(browser.has("#run")).isFalse();

        // A request the page never offered, with the viewer's session and a valid CSRF token: refused, nothing moves.
        HttpResponse<String> forged = browser.request("POST", "/payment-orders/" + orderId + "/refund",
                "_csrf=" + browser.csrfToken() + "&refund_id=rf_forged" + UUID.randomUUID().toString().substring(0, 8)
                        + "&amount=20.00");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.request("GET", "/payment-orders/" + orderId + "/refund", null).statusCode())
                .as("nor is the refund form shown to it").isEqualTo(403);
        assertThat(kassa.payments().order(orderId).refunds()).isEmpty();

        // finance
        browser.signIn(kassa.operatorKeyWithOnly("FINANCE"));
        assertThat(browser.text("#operator-roles")).isEqualTo("FINANCE");
        browser.go("/reconciliation");
        assertThat(browser.has("#run")).isTrue();
        browser.go("/payment-orders/" + orderId);
        assertThat(browser.has("#refund")).isFalse();

        // an operator
        browser.signIn(kassa.operatorKeyWithOnly("OPERATOR"));
        browser.go("/payment-orders/" + orderId);
        assertThat(browser.has("#refund")).isTrue();
        browser.go("/reconciliation");
        assertThat(browser.has("#run")).as("reconciling is finance's").isFalse();
        browser.signOut();
        assertThat(browser.text("p.notice")).isEqualTo("Signed out.");
        assertThat(browser.path()).isEqualTo("/sign-in");
        browser.go("/payments");
        assertThat(browser.path()).as("signed out: back to sign-in").isEqualTo("/sign-in");
    }

    @Test
    void anOperatorFindsAPaymentReadsItsTimelineRefundsItAndSeesWalletLedgerAndTimelineFollow(Kassa kassa) {
        Ids ids = Ids.forTest("console");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "30.00", "EUR"));
        String orderId = checkout.order().paymentOrderId();
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());

        browser.signIn(kassa.operatorKeyWithOnly("OPERATOR"));
        browser.go("/payments").type("input[name=seller_account]", seller).type("input[name=currency]", "EUR")
                .type("input[name=amount_min]", "30.00").type("input[name=amount_max]", "30.00").click("#search");
        assertThat(browser.text("#payments")).contains(orderId, "SUCCEEDED", "30.00 EUR");
        browser.screenshot("payments");
        browser.click("#payments a[href='/payment-orders/" + orderId + "']");

        assertThat(browser.text("#order-id")).isEqualTo(orderId);
        assertThat(browser.text("#timeline")).contains("created NOT_STARTED", "merchant:", "NOT_STARTED → EXECUTING",
                "PSP idempotency key " + orderId + ":1", "EXECUTING → SUCCEEDED", "wallet credit",
                "ledger entry payment", "psp_receivable");
        browser.screenshot("payment-order");

        browser.click("#refund");
        browser.screenshot("refund-confirmation");
        browser.type("#amount", "12.50").click("#confirm");
        assertThat(browser.text(".notice")).contains("Refund", "12.50");
        await().atMost(Timeouts.SETTLE).until(() -> browser.refresh().text("#refunds").contains("SUCCEEDED")
                && browser.text("#refunded").equals("12.50 EUR")
                && browser.text("#timeline").contains("wallet debit")
                && browser.text("#timeline").contains("ledger entry refund"));
        assertThat(browser.text("#timeline")).contains("operator:OPERATOR");
        browser.screenshot("payment-order-refunded");

        browser.go("/books/accounts?account_id=" + seller);
        assertThat(browser.text("#agreement")).contains("1750", "agree");
        browser.screenshot("account");
        assertThat(kassa.books().walletBalance(seller, "EUR")).isEqualTo(1750);
        assertThat(kassa.books().sellerPayable(seller, "EUR")).isEqualTo(1750);
    }

    @Test
    void anOperatorRetriesADeclinedOrder(Kassa kassa) {
        Ids ids = Ids.forTest("declined");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_chargeDeclinedInsufficientFunds",
                new Order(ids.order(), ids.seller("s"), "9.99", "USD"));
        String orderId = checkout.order().paymentOrderId();
        kassa.payments().accept(checkout);
        kassa.payments().awaitOrder(orderId, "declined", order -> order.status() == PaymentOrderStatus.FAILED);

        browser.signIn(kassa.operatorKeyWithOnly("OPERATOR"));
        browser.go("/payments?status=FAILED&seller_account=" + ids.seller("s"));
        assertThat(browser.text("#payments")).contains(orderId, "FAILED");
        browser.go("/payment-orders/" + orderId).click("#retry");
        browser.screenshot("retry-confirmation");
        browser.click("#confirm");
        assertThat(browser.text(".notice")).contains("Retry started");
        // The card still declines: the second attempt fails too, and the timeline says who asked for it.
        await().atMost(Timeouts.SETTLE).until(() -> browser.refresh().text("#timeline").contains("cause OPERATOR")
                && kassa.payments().order(orderId).attempts() == 2
                && browser.text("#order-status").contains("FAILED"));
        assertThat(browser.text("#timeline")).contains("operator:OPERATOR", orderId + ":2");
    }

    @Test
    void anOperatorBlockListsATokenSeesTheOrderItStoppedAndLiftsTheBlock(Kassa kassa) {
        Ids ids = Ids.forTest("risk");
        String token = "tok_" + ids.prefix().replaceAll("[^A-Za-z0-9_-]", "_");
        browser.signIn(kassa.operatorKeyWithOnly("OPERATOR"));
        browser.go("/risk").click("#add-block");
        browser.type("#value", token).type("#reason", "card reported stolen").click("#confirm");
        assertThat(browser.text("#block-state")).contains("ACTIVE");
        String blockId = browser.text("#block-id");

        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), token, new Order(ids.order(), ids.seller("s"), "4.00", "USD"));
        String orderId = checkout.order().paymentOrderId();
        kassa.payments().accept(checkout);
        kassa.payments().awaitOrder(orderId, "stopped", order -> "risk_blocked".equals(order.failureCode()));

        browser.go("/payment-orders/" + orderId);
        assertThat(browser.has("#risk-blocked")).isTrue();
        assertThat(browser.text("#risk-decisions")).contains("block_list");
        browser.screenshot("payment-order-risk-blocked");
        browser.click("#risk-decisions a[href='/risk/blocks/" + blockId + "']").click("#lift");
        browser.type("#reason", "false alarm, the buyer called").click("#confirm");
        assertThat(browser.text(".notice")).contains("lifted");
        assertThat(browser.text("#block-state")).contains("LIFTED");
        assertThat(browser.text("#lifted")).contains("operator:OPERATOR", "false alarm");
        assertThat(browser.text("#audit")).contains("risk block added", "risk block lifted");
        browser.go("/risk?all=true&kind=token&subject=" + token);
        browser.screenshot("risk");
        assertThat(browser.text("#blocks")).contains(blockId, "LIFTED");
    }

    @Test
    void anOperatorReplaysADeadLetter(Kassa kassa) {
        String topic = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.WALLET_SERVICE);
        String key = Ids.forTest("console-dlt").prefix() + "-poison";
        kassa.sendRaw(Topics.PAYMENT_RESULTS, key, "{\"not\": \"an Avro record\"}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Timeouts.THROUGH_RETRIES).until(() -> !kassa.deadLetters(KassaService.WALLET).withKey(topic, key).isEmpty());

        browser.signIn(kassa.operatorKeyWithOnly("OPERATOR"));
        browser.go("/dead-letters").click("a[href*='topic=" + topic + "']");
        assertThat(browser.text("#dead-letters")).contains(key, Topics.PAYMENT_RESULTS,
                "not a record this service can decode");
        browser.screenshot("dead-letters");
        browser.all("#dead-letters tr").stream().filter(row -> row.getText().contains(key)).findFirst()
                .orElseThrow().findElement(org.openqa.selenium.By.cssSelector("a.replay")).click();
        browser.find("#dry-run"); // the dry-run page
        assertThat(browser.text("#dry-run")).contains("REPLAY");
        browser.screenshot("replay-dry-run");
        browser.click("#confirm");
        assertThat(browser.text(".notice")).contains("Replayed 1");
        assertThat(browser.text("#replays")).as("the replay audit").contains("operator:OPERATOR", topic, "REPLAYED");
        // Garbage is refused again by the wallet, now with one replay counted: it went round once, audited.
        await().atMost(Timeouts.THROUGH_RETRIES).until(() -> kassa.deadLetters(KassaService.WALLET).withKey(topic, key).stream()
                .anyMatch(letter -> letter.path("replay_count").asInt() == 1));
    }

    @Test
    void financeRunsAReconciliationAndDownloadsItsCsv(Kassa kassa) {
        String orderId = succeededPayment(kassa, "recon", "5.00");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        browser.signIn(kassa.operatorKeyWithOnly("FINANCE"));
        browser.go("/reconciliation");
        assertThat(browser.find("#run-date").getDomProperty("value")).as("today, the default").isEqualTo(today);
        browser.click("#run");
        assertThat(browser.text(".notice")).contains("Reconciled " + today);
        assertThat(browser.path()).isEqualTo("/reconciliation/" + today);
        assertThat(browser.text("#report-status")).isEqualTo("COMPLETED");
        assertThat(Long.parseLong(browser.text("#matched"))).isPositive();
        assertThat(browser.text("#totals")).contains("EUR");
        browser.screenshot("reconciliation-report");

        HttpResponse<String> csv = browser.request("GET", browser.find("#csv").getDomAttribute("href"), null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("reconciliation-" + today + ".csv");
        assertThat(csv.body().lines().findFirst()).isPresent();

        browser.go("/reconciliation");
        assertThat(browser.text("#reports")).contains(today, "operator:FINANCE");
        browser.go("/payment-orders/" + orderId);
        assertThat(browser.text("#reconciliation")).isEqualTo("matched in the report of " + today + " (COMPLETED)");
    }

    @Test
    void anOperatorRotatesAMerchantKey(Kassa kassa) {
        String merchantId = "m_console_" + UUID.randomUUID().toString().substring(0, 8);

        browser.signIn(kassa.operatorKeyWithOnly("OPERATOR"));
        browser.go("/merchants").type("#new-merchant-id", merchantId).type("#new-merchant-name", "Console shop")
                .click("#create-merchant");
        assertThat(browser.text("#merchant-id")).isEqualTo(merchantId);

        browser.click("#create-key");
        String first = browser.text("#secret");
        String firstId = browser.text("#new-key-id");
        assertThat(kassa.payments().withKey(first).me().merchantId()).isEqualTo(merchantId);
        browser.click("#back");

        browser.click("#create-key"); // the rotation: a second key while the first still works
        String second = browser.text("#secret");
        browser.screenshot("key-created");
        browser.click("#back");
        browser.click("tr[data-key-id='" + firstId + "'] a.revoke");
        browser.click("#confirm");
        assertThat(browser.text(".notice")).contains("revoked");
        assertThat(browser.text("#keys")).contains("REVOKED");
        browser.screenshot("merchant-keys");

        assertThat(browser.pageText()).as("a secret is shown once, never again").doesNotContain(first, second);
        assertThatThrownBy(() -> kassa.payments().withKey(first).me()).as("the revoked key")
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(kassa.payments().withKey(second).me().merchantId()).as("its successor").isEqualTo(merchantId);
    }

    /** The overview once the tests above have made some traffic: the picture README shows. */
    @AfterAll
    static void overviewAfterwards(Kassa kassa) {
        if (browser == null) {
            return; // it never opened: openTheBrowser's failure is the one to report
        }
        try (Browser last = browser) {
            last.signIn(kassa.credentials().operator().key());
            assertThat(last.text("#operator-roles")).contains("OPERATOR", "FINANCE", "VIEWER");
            last.screenshot("overview-after-tests");
        }
    }

    private static String succeededPayment(Kassa kassa, String test, String amount) {
        Ids ids = Ids.forTest(test);
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), ids.seller("s"), amount, "EUR"));
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());
        return checkout.order().paymentOrderId();
    }
}
