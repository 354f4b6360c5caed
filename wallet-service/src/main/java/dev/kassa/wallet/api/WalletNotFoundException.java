package dev.kassa.wallet.api;

/** No movement ever reached this account, so it has no wallet: a 404 problem detail. */
public class WalletNotFoundException extends RuntimeException {

    private final String accountId;

    public WalletNotFoundException(String accountId) {
        super("No wallet for account '" + accountId + "'");
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
