package dev.kassa.pspmock.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed request gets its 400, naming the parameter and the reason. */
class MalformedRequestTest extends PspIntegrationTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            {"amount": 0, "currency": "EUR", "payment_method": "tok_visa"}                 | amount_too_small          | amount
            {"amount": -100, "currency": "EUR", "payment_method": "tok_visa"}              | amount_too_small          | amount
            {"amount": 10.5, "currency": "EUR", "payment_method": "tok_visa"}              | parameter_invalid_integer | amount
            {"amount": 100.0, "currency": "EUR", "payment_method": "tok_visa"}             | parameter_invalid_integer | amount
            {"amount": 1e3, "currency": "EUR", "payment_method": "tok_visa"}               | parameter_invalid_integer | amount
            {"amount": "100", "currency": "EUR", "payment_method": "tok_visa"}             | parameter_invalid_integer | amount
            {"amount": true, "currency": "EUR", "payment_method": "tok_visa"}              | parameter_invalid_integer | amount
            {"amount": 100000000, "currency": "EUR", "payment_method": "tok_visa"}         | amount_too_large          | amount
            {"amount": 99999999999999999999999, "currency": "EUR", "payment_method": "tok_visa"} | amount_too_large    | amount
            {"currency": "EUR", "payment_method": "tok_visa"}                              | parameter_missing         | amount
            {"amount": null, "currency": "EUR", "payment_method": "tok_visa"}              | parameter_missing         | amount
            {"amount": 100, "currency": "XYZ", "payment_method": "tok_visa"}               | invalid_currency          | currency
            {"amount": 100, "currency": "EURO", "payment_method": "tok_visa"}              | invalid_currency          | currency
            {"amount": 100, "currency": "XAU", "payment_method": "tok_visa"}               | invalid_currency          | currency
            {"amount": 100, "payment_method": "tok_visa"}                                  | parameter_missing         | currency
            {"amount": 100, "currency": 978, "payment_method": "tok_visa"}                 | parameter_invalid_string  | currency
            {"amount": 100, "currency": "EUR", "confirm": true}                            | parameter_missing         | payment_method
            {"amount": 100, "currency": "EUR", "payment_method": "  "}                     | parameter_invalid_empty   | payment_method
            {"amount": 100, "currency": "EUR", "payment_method": "4242 4242 4242 4242"}    | raw_card_data_rejected    | payment_method
            {"amount": 100, "currency": "EUR", "payment_method": "tok_visa", "metadata": "x"}       | parameter_invalid | metadata
            {"amount": 100, "currency": "EUR", "payment_method": "tok_visa", "metadata": {"n": 1}}  | parameter_invalid | metadata[n]
            {"amount": 100, "currency": "EUR", "payment_method": "tok_visa", "amount_minor": 100}   | parameter_unknown | amount_minor
            """)
    void paymentIntentParameters(String body, String code, String param) {
        Response response = api.post("/v1/payment_intents", PspApi.newKey(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.errorParam()).isEqualTo(param);
        assertThat(response.json().path("error").path("message").stringValue()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [1, 2, 3]
            "a string"
            {"amount": 100, "amount": 200, "currency": "EUR", "payment_method": "tok_visa"}
            {"amount": 100, "currency": "EUR", "payment_method": "tok_visa"} trailing
            """)
    void bodiesThatAreNotOneJsonObject(String body) {
        Response response = api.post("/v1/payment_intents", PspApi.newKey(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void anEmptyBodyIsAnEmptyFormSoTheFirstRequiredParameterIsMissing() {
        Response response = api.post("/v1/payment_intents", PspApi.newKey(), "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("parameter_missing");
        assertThat(response.errorParam()).isEqualTo("amount");
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            amount=10.5&currency=eur&payment_method=tok_visa                  | parameter_invalid_integer | amount
            amount=abc&currency=eur&payment_method=tok_visa                   | parameter_invalid_integer | amount
            amount=&currency=eur&payment_method=tok_visa                      | parameter_invalid_integer | amount
            amount=0&currency=eur&payment_method=tok_visa                     | amount_too_small          | amount
            currency=eur&payment_method=tok_visa                              | parameter_missing         | amount
            amount=100&currency=xyz&payment_method=tok_visa                   | invalid_currency          | currency
            amount=100&currency=eur&payment_method=tok_visa&confirm=maybe     | parameter_invalid         | confirm
            amount=100&currency=eur&payment_method=tok_visa&metadata[k][x]=1  | parameter_invalid         | metadata[k]
            amount=100&currency=eur&payment_method=tok_visa&amount_minor=100  | parameter_unknown         | amount_minor
            amount=100&amount=200&currency=eur&payment_method=tok_visa        | parameter_invalid         | amount
            amount=100&currency=eur&metadata[k=v                              | parameter_invalid         | metadata[k
            not a form at all                                                 | parameter_unknown         | not a form at all
            """)
    void formParameters(String body, String code, String param) {
        Response response = api.postForm("/v1/payment_intents", PspApi.newKey(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.errorParam()).isEqualTo(param);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            {"amount": 100}                                   | parameter_missing         | payment_intent
            {"payment_intent": 42}                            | parameter_invalid_string  | payment_intent
            {"payment_intent": "pi_x", "amount": 0}           | amount_too_small          | amount
            {"payment_intent": "pi_x", "amount": -5}          | amount_too_small          | amount
            {"payment_intent": "pi_x", "amount": 1.5}         | parameter_invalid_integer | amount
            {"payment_intent": "pi_x", "reason": "because"}   | parameter_invalid         | reason
            {"payment_intent": "pi_x", "refund_reason": "x"}  | parameter_unknown         | refund_reason
            {"payment_intent": "pi_x", "charge": "ch_x"}      | parameter_invalid         | charge
            """)
    void refundParameters(String body, String code, String param) {
        Response response = api.post("/v1/refunds", PspApi.newKey(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.errorParam()).isEqualTo(param);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            delivery_success=maybe | delivery_success
            limit=0                | limit
            limit=abc              | limit
            type=charge.updated    | type
            """)
    void eventListParameters(String query, String param) {
        Response response = api.get("/v1/events?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorParam()).isEqualTo(param);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"server_error_rate": 1.5}   | server_error_rate
            {"unavailable_rate": -0.1}   | unavailable_rate
            {"latency_ms": -1}           | latency_ms
            {"latency_ms": 1.5}          | latency_ms
            {"webhook_outage": "yes"}    | webhook_outage
            {"chaos": true}              | chaos
            """)
    void faultSwitches(String body, String param) {
        Response response = api.faults(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorParam()).isEqualTo(param);
    }

    @Test
    void bodiesOver64KiBAre413() {
        String huge = "{\"amount\": 100, \"currency\": \"EUR\", \"payment_method\": \"tok_visa\", "
                + "\"metadata\": {\"pad\": \"" + "x".repeat(70_000) + "\"}}";

        Response response = api.post("/v1/payment_intents", PspApi.newKey(), huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("request_too_large");
    }

    @Test
    void theBodyIsJsonWhateverTheContentTypeSays() {
        // As `curl -d` sends it: form-encoded content type, JSON body.
        Response response = api.send(api.unauthorized("/v1/payment_intents")
                .header("Authorization", "Bearer " + PspApi.SECRET_KEY)
                .header("Idempotency-Key", PspApi.newKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"amount": 100, "currency": "EUR", "payment_method": "tok_visa", "confirm": true}""")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void unknownUrlIs404InTheSameShape() {
        Response response = api.get("/v1/charges");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("unrecognized_request_url");
    }
}
