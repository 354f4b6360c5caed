package dev.kassa.payment.psp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request body in Stripe's form encoding: {@code application/x-www-form-urlencoded}, nested keys in bracket
 * notation ({@code metadata[payment_order_id]=po_1}), brackets left literal and everything else encoded as
 * {@link URLEncoder} does, which is how stripe-java's {@code FormEncoder} writes it. Hand-written, as Spring's
 * {@code FormHttpMessageConverter} percent-encodes the brackets and knows no nesting: a few lines, no dependency.
 */
final class FormBody {

    /** The content type stripe-java sends with a form body. */
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded;charset=UTF-8";

    private final StringBuilder encoded = new StringBuilder(128);

    FormBody add(String key, String value) {
        if (!encoded.isEmpty()) {
            encoded.append('&');
        }
        encoded.append(encode(key)).append('=').append(encode(value));
        return this;
    }

    FormBody add(String key, long value) {
        return add(key, Long.toString(value));
    }

    /** {@code prefix[key]=value} for every entry, e.g. {@code metadata[refund_id]=re_1}. */
    FormBody addAll(String prefix, Map<String, String> entries) {
        entries.forEach((key, value) -> add(prefix + "[" + key + "]", value));
        return this;
    }

    byte[] bytes() {
        return encoded.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return encoded.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]");
    }
}
