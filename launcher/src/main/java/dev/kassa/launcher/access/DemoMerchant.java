package dev.kassa.launcher.access;

import dev.kassa.launcher.demo.KassaClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The demo merchant {@code m_demo} and a working key of it, through payment-service's admin API with the operator
 * key: the merchant is created unless it exists; a stored key is kept while it authenticates, else a new one is
 * made (the old one was revoked, or the data was wiped).
 */
public final class DemoMerchant {

    public static final String ID = "m_demo";
    public static final String NAME = "Demo shop";

    private final KassaClient operator;
    private final String paymentUrl;
    private final Consumer<String> progress;

    public DemoMerchant(KassaClient operator, String paymentUrl, Consumer<String> progress) {
        this.operator = operator;
        this.paymentUrl = paymentUrl;
        this.progress = progress;
    }

    /** The stored key if it still authenticates, else a new one; the merchant exists afterwards either way. */
    public MerchantKey ensure(Optional<MerchantKey> stored) {
        expect(operator.post(paymentUrl + "/admin/merchants", Map.of("merchant_id", ID, "name", NAME)),
                "create merchant " + ID);
        Optional<MerchantKey> reusable = stored.filter(key -> key.merchantId().equals(ID));
        if (reusable.isPresent()) {
            if (authenticates(reusable.get())) {
                progress.accept("Reusing the key of merchant " + ID + " (" + reusable.get().keyId() + ")");
                return reusable.get();
            }
            progress.accept("The stored key of merchant " + ID + " no longer authenticates: making a new one");
        }
        return newKey();
    }

    /** Whether payment-service still takes the key as {@link #ID}'s (401 once it is revoked or the data wiped). */
    private boolean authenticates(MerchantKey key) {
        KassaClient.Response answer = KassaClient.withKey(key.key()).get(paymentUrl + "/api/v1/merchants/me");
        return switch (answer.status()) {
            case 401 -> false;
            case 200 -> ID.equals(answer.body().path("merchant_id").asString());
            default -> throw new IllegalStateException("payment-service answered " + answer.status()
                    + " when the launcher checked merchant " + ID + "'s key: " + answer.text());
        };
    }

    /** A new key; when the merchant has its two active keys already, the older is revoked first (a rotation). */
    private MerchantKey newKey() {
        String keys = paymentUrl + "/admin/merchants/" + ID + "/keys";
        KassaClient.Response created = operator.post(keys, Map.of());
        if (created.status() == 409) {
            JsonNode oldest = oldestActive(expect(operator.get(keys), "list the keys of " + ID).body());
            String keyId = oldest.path("key_id").asString();
            expect(operator.send("DELETE", keys + "/" + keyId, Map.of(), null), "revoke key " + keyId + " of " + ID);
            progress.accept("Merchant " + ID + " had two active keys (the most it may have): revoked the older one, "
                    + oldest.path("prefix").asString(keyId));
            created = operator.post(keys, Map.of());
        }
        JsonNode key = expect(created, "create a key of " + ID).body();
        progress.accept("Made a new key of merchant " + ID + " (" + key.path("key_id").asString() + ")");
        return new MerchantKey(ID, key.path("key_id").asString(), key.path("secret").asString());
    }

    /** The active key created first, from the admin API's list of a merchant's keys (a JSON array). */
    static JsonNode oldestActive(JsonNode keys) {
        List<JsonNode> active = new ArrayList<>();
        for (JsonNode key : keys) {
            JsonNode revoked = key.path("revoked_at");
            if (revoked.isMissingNode() || revoked.isNull()) {
                active.add(key);
            }
        }
        return active.stream().min(Comparator.comparing(DemoMerchant::createdAt))
                .orElseThrow(() -> new IllegalStateException("payment-service refused a new key of " + ID
                        + " as one too many, but lists no active key: " + keys));
    }

    private static Instant createdAt(JsonNode key) {
        try {
            return OffsetDateTime.parse(key.path("created_at").asString("")).toInstant();
        } catch (DateTimeParseException unknown) {
            return Instant.MAX;
        }
    }

    private static KassaClient.Response expect(KassaClient.Response answer, String what) {
        if (!answer.isSuccess()) {
            throw new IllegalStateException("Could not " + what + ": payment-service answered " + answer.status()
                    + (answer.status() == 401 ? " (the services do not know the launcher's operator key)" : "")
                    + ": " + answer.text());
        }
        return answer;
    }
}
