package dev.kassa.console.api;

import dev.kassa.console.ConsoleProperties;
import java.net.URI;

/** The five services the console talks to, by the name an operator knows them by. */
public enum Backend {
    PAYMENT("payment-service"),
    PSP_MOCK("psp-mock-service"),
    WALLET("wallet-service"),
    LEDGER("ledger-service"),
    RECONCILIATION("reconciliation-service");

    private final String displayName;

    Backend(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    URI baseUrl(ConsoleProperties.Services services) {
        return switch (this) {
            case PAYMENT -> services.payment();
            case PSP_MOCK -> services.pspMock();
            case WALLET -> services.wallet();
            case LEDGER -> services.ledger();
            case RECONCILIATION -> services.reconciliation();
        };
    }
}
