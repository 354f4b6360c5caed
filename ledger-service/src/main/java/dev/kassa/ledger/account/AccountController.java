package dev.kassa.ledger.account;

import dev.kassa.web.KassaProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One account's balances. The id contains a colon ({@code seller_payable:seller_1}); it may be sent raw or
 * percent-encoded ({@code seller_payable%3Aseller_1}): the path is decoded before it reaches this method.
 */
@RestController
@Tag(name = "Accounts", description = "The chart of accounts: `psp_receivable` (asset), `dispute_fees` (expense) and"
        + " one `seller_payable:<seller>` (liability) per seller, each with its totals per currency.")
public class AccountController {

    private final Accounts accounts;
    private final AccountVisibility visibility;

    AccountController(Accounts accounts, AccountVisibility visibility) {
        this.accounts = accounts;
        this.visibility = visibility;
    }

    @GetMapping("/api/v1/ledger/accounts/{account_id}")
    @Operation(summary = "An account's debits, credits and balance in each currency",
            description = "The balance is on the account's normal side: debits − credits for `psp_receivable` and"
                    + " `dispute_fees`, credits − debits for a seller's `seller_payable` (below zero when the seller"
                    + " owes the platform). Every operator role reads every account; a merchant's key only its own"
                    + " sellers' `seller_payable` accounts. 400 for an id of no account's form; 404 for an account"
                    + " nobody posted to, and for any account a merchant's key may not read.")
    public AccountResponse account(@PathVariable("account_id") @Parameter(description = "`psp_receivable`,"
            + " `dispute_fees` or `seller_payable:<seller>` (seller: 1-128 characters, no whitespace, control"
            + " characters or `/`); the colon raw or percent-encoded", example = "seller_payable:seller_1")
                                   String rawAccountId) {
        AccountId account = AccountId.parse(rawAccountId)
                .orElseThrow(() -> KassaProblem.invalid("account_id", AccountId.FORMS));
        visibility.requireVisible(account);
        return accounts.findById(account.value()).map(AccountResponse::of)
                .orElseThrow(() -> KassaProblem.notFound("account_id", account.value()));
    }
}
