package dev.kassa.launcher;

/**
 * psp-mock's API key (payment-service and reconciliation-service call it with it) and its webhook signing secret
 * (payment-service checks it), as the launcher's system runs: the repository's public local test secrets, which the
 * services accept only in their {@code local} profile (LocalSecretsGuard).
 */
public record PspSecrets(String apiKey, String webhookSecret) {

    public static final PspSecrets LOCAL = new PspSecrets("sk_test_kassa", "whsec_test_kassa");

    @Override
    public String toString() {
        return "PspSecrets[apiKey=..., webhookSecret=...]";
    }
}
