package dev.kassa.pspmock.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class WebhookSignerTest {

    @Test
    void oneV1PerSecretInTheirOrder() throws Exception {
        String body = "{\"id\":\"evt_1\"}";

        String header = new WebhookSigner(List.of("whsec_old", "whsec_new")).header(1_700_000_000L, body);

        assertThat(header).isEqualTo("t=1700000000"
                + ",v1=" + WebhookDeliveryTest.hmacSha256Hex("whsec_old", "1700000000." + body)
                + ",v1=" + WebhookDeliveryTest.hmacSha256Hex("whsec_new", "1700000000." + body));
    }

    @Test
    void matchesAValueComputedOutsideJava() {
        // python3: hmac.new(b"whsec_test_kassa", b'1700000000.{"id":"evt_1"}', hashlib.sha256).hexdigest()
        String header = new WebhookSigner(List.of("whsec_test_kassa")).header(1_700_000_000L, "{\"id\":\"evt_1\"}");

        assertThat(header).isEqualTo("t=1700000000,v1=75e8ab7411a513014aed2afcb5e1ff01cee3400b31310ce88789a8a26d32aa93");
    }
}
