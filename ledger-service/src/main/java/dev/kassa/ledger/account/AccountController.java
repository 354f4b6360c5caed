package dev.kassa.ledger.account;

import dev.kassa.web.KassaProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One account's balances. The id contains a colon ({@code seller_payable:seller_1}); it may be sent raw or
 * percent-encoded ({@code seller_payable%3Aseller_1}): the path is decoded before it reaches this method.
 */
@RestController
public class AccountController {

    private final Accounts accounts;
    private final AccountVisibility visibility;

    AccountController(Accounts accounts, AccountVisibility visibility) {
        this.accounts = accounts;
        this.visibility = visibility;
    }

    @GetMapping("/api/v1/ledger/accounts/{account_id}")
    public AccountResponse account(@PathVariable("account_id") String rawAccountId) {
        AccountId account = AccountId.parse(rawAccountId)
                .orElseThrow(() -> KassaProblem.invalid("account_id", AccountId.FORMS));
        visibility.requireVisible(account);
        return accounts.findById(account.value()).map(AccountResponse::of)
                .orElseThrow(() -> KassaProblem.notFound("account_id", account.value()));
    }
}
