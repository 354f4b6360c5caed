package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.client.ConflictException;
import dev.kassa.client.ForbiddenException;
import dev.kassa.client.NotFoundException;
import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.access.Credentials;
import dev.kassa.launcher.access.CredentialsFile;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.Payments;
import dev.kassa.systemtests.support.SystemTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The system as the launcher starts it is closed to callers without a key (docs/architecture.md §11): its bootstrap
 * keys open what their roles allow, and no secret is on a service's command line, which every user can read.
 */
@SystemTest
class AccessTest {

    @Test
    void noServicesCommandLineCarriesASecret(Kassa kassa) {
        Credentials credentials = kassa.credentials();
        List<String> secrets = List.of(credentials.operator().key(), credentials.operator().sha256(),
                credentials.merchant().key(), kassa.system().pspSecrets().apiKey(),
                kassa.system().pspSecrets().webhookSecret());

        for (KassaService service : KassaService.values()) {
            List<String> arguments = ProcessHandle.of(kassa.process(service).pid()).orElseThrow().info().arguments()
                    .map(List::of).orElseThrow(() -> new AssertionError("the arguments of " + service.module()
                            + " are not visible to this test"));

            assertThat(arguments).as(service.module() + "'s command line")
                    .contains("--server.port=" + kassa.system().settings().port(service))
                    .noneMatch(argument -> argument.toLowerCase().contains("password"))
                    .noneMatch(argument -> secrets.stream().anyMatch(argument::contains));
        }
    }

    @Test
    void withoutAKeyOnlyHealthAnswers(Kassa kassa) {
        // Raw on purpose: kassa-client always sends a key, and these calls are about callers without one (health of
        // every service, refusals of payment-service's and ledger-service's APIs).
        KassaClient anonymous = kassa.checked(new KassaClient());
        Ids ids = Ids.forTest("anon");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa",
                new Order(ids.order(), ids.seller("s"), "5.00", "USD"));

        for (KassaService service : KassaService.values()) {
            assertThat(anonymous.get(kassa.system().url(service) + "/actuator/health").status())
                    .as(service.module() + " health").isEqualTo(200);
        }
        assertThat(anonymous.post(kassa.system().url(KassaService.PAYMENT) + "/api/v1/payments", checkout.body()).status())
                .isEqualTo(401);
        assertThat(anonymous.get(kassa.system().url(KassaService.LEDGER) + "/api/v1/ledger/trial-balance").status())
                .isEqualTo(401);
        assertThatThrownBy(() -> kassa.payments().checkout(checkout.checkoutId()))
                .as("the refused checkout was not made").isInstanceOf(NotFoundException.class);
    }

    @Test
    void theMerchantKeyChecksOutAndTheOperatorKeyReadsTheBooks(Kassa kassa) {
        Ids ids = Ids.forTest("keys");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "12.34", "EUR"));
        // Raw on purpose: the operator reads wallet-service, which is not the merchant API kassa-client speaks.
        KassaClient operator = kassa.checked(KassaClient.withKey(kassa.credentials().operator().key()));
        String wallet = kassa.system().url(KassaService.WALLET) + "/api/v1/wallets/" + seller;
        long checkedBefore = kassa.contractChecked();

        assertThatThrownBy(() -> kassa.payments().withKey(kassa.credentials().operator().key()).submit(checkout))
                .as("an operator reads checkouts, does not make them").isInstanceOf(ForbiddenException.class);
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());

        assertThat(operator.get(wallet).status()).isEqualTo(200);
        assertThat(kassa.books().walletBalance(seller, "EUR")).isEqualTo(1234);
        // Every exchange above (refusal, checkout, reads of payment-service and wallet) was checked against the
        // called service's docs/api document (docs/architecture.md §16), none passed by unchecked.
        assertThat(kassa.contractChecked() - checkedBefore).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aMerchantReadsItsOwnSellersWalletAndLedgerAccountAndNoOneElses(Kassa kassa) {
        Ids ids = Ids.forTest("own");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "7.50", "EUR"));
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());
        String wallet = kassa.system().url(KassaService.WALLET) + "/api/v1/wallets/" + seller;
        String account = kassa.system().url(KassaService.LEDGER) + "/api/v1/ledger/accounts/seller_payable:" + seller;
        // Raw on purpose: wallet, ledger and payment-service's /admin API are not the merchant API kassa-client speaks.
        KassaClient merchant = kassa.checked(KassaClient.withKey(kassa.credentials().merchant().key()));
        KassaClient operator = kassa.checked(KassaClient.withKey(kassa.credentials().operator().key()));
        String otherId = "mer_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(operator.post(kassa.system().url(KassaService.PAYMENT) + "/admin/merchants",
                Map.of("merchant_id", otherId, "name", "Another shop")).status()).isEqualTo(201);
        String otherKey = operator.post(kassa.system().url(KassaService.PAYMENT) + "/admin/merchants/" + otherId + "/keys",
                Map.of()).body().path("secret").asString();
        KassaClient other = kassa.checked(KassaClient.withKey(otherKey));
        Payments otherPayments = kassa.payments().withKey(otherKey);

        // wallet and ledger verify the merchant key with payment-service and show the merchant its own seller
        KassaClient.Response ownWallet = merchant.get(wallet);
        assertThat(ownWallet.status()).as(ownWallet.text()).isEqualTo(200);
        assertThat(ownWallet.text()).contains(seller);
        assertThat(merchant.get(account).status()).isEqualTo(200);
        assertThat(merchant.get(kassa.system().url(KassaService.LEDGER) + "/api/v1/ledger/trial-balance").status())
                .as("the trial balance is the platform's").isEqualTo(403);
        // to another merchant the seller is as unknown as one that never existed
        assertThat(other.get(wallet).status()).isEqualTo(404);
        assertThat(other.get(account).status()).isEqualTo(404);
        // and so are the checkout and order that paid it
        assertThatThrownBy(() -> otherPayments.checkout(checkout.checkoutId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> otherPayments.order(checkout.order().paymentOrderId()))
                .isInstanceOf(NotFoundException.class);
        // and its checkouts cannot pay that seller
        Ids others = Ids.forTest("othr");
        CheckoutRequest paysTheSeller = CheckoutRequest.of(others.checkout(), "tok_visa",
                new Order(others.order(), seller, "1.00", "EUR"));
        assertThatThrownBy(() -> otherPayments.submit(paysTheSeller))
                .isInstanceOfSatisfying(ConflictException.class, refused ->
                        assertThat(refused.problem().reasonFor("payment_orders[0].seller_account")).isNotBlank());
    }

    @Test
    void theLauncherKeepsTheKeysForItsOwnerOnly(Kassa kassa) throws IOException {
        Path file = kassa.system().settings().credentialsFile();

        assertThat(CredentialsFile.readComplete(file)).isEqualTo(kassa.credentials());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
