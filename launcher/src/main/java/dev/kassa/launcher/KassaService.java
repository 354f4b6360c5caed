package dev.kassa.launcher;

/** The five services, each with its module (and jar) name, its own database and its default port. */
public enum KassaService {
    PSP_MOCK("psp-mock-service", "psp", 8081),
    WALLET("wallet-service", "wallet", 8082),
    LEDGER("ledger-service", "ledger", 8083),
    RECONCILIATION("reconciliation-service", "reconciliation", 8084),
    PAYMENT("payment-service", "payment", 8080);

    private final String module;
    private final String database;
    private final int defaultPort;

    KassaService(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
