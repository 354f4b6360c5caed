package dev.kassa.pspmock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            amount=2000&currency=eur                          | {"amount":"2000","currency":"eur"}
            metadata[payment_order_id]=po_1&metadata[attempt]=2 | {"metadata":{"payment_order_id":"po_1","attempt":"2"}}
            expand[]=a&expand[]=b                             | {"expand":["a","b"]}
            expand[0]=data.source&expand[1]=b                 | {"expand":["data.source","b"]}
            a[b][c]=v&a[b][d]=w                               | {"a":{"b":{"c":"v","d":"w"}}}
            items[0][price]=p1&items[1][price]=p2             | {"items":[{"price":"p1"},{"price":"p2"}]}
            items[][price]=p1                                 | {"items":[{"price":"p1"}]}
            metadata[note]=a+b%26c%3Dd&metadata[%C3%A9]=%E2%82%AC | {"metadata":{"note":"a b&c=d","é":"€"}}
            metadata[a.b]=dots%20stay                          | {"metadata":{"a.b":"dots stay"}}
            flag&empty=                                       | {"flag":"","empty":""}
            ''                                                | {}
            &&amount=1&                                       | {"amount":"1"}
            metadata[1]=x&metadata[0]=y                       | {"metadata":{"1":"x","0":"y"}}
            """)
    void readsStripesBracketNotationIntoTheJsonTree(String form, String json) {
        assertThat(FormBody.parse(form).toString()).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            amount=1&amount=2          | amount
            metadata=x&metadata[k]=v   | metadata[k]
            metadata[k]=v&metadata=x   | metadata
            expand[]=a&expand[k]=b     | expand[k]
            metadata[k=v               | metadata[k
            [k]=v                      | [k]
            a]=v                       | a]
            a[b]c=v                    | a[b]c
            a[b[c]]=v                  | a[b[c]]
            amount=%ZZ                 | amount
            """)
    void malformedFormsAreA400NamingTheParameter(String form, String param) {
        assertThatThrownBy(() -> FormBody.parse(form))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body().get("error")).asString()
                            .contains("type=invalid_request_error").contains("param=" + param);
                });
    }

    @Test
    void formValuesAreReadAsTheNumbersAndBooleansTheyName() {
        JsonRequest request = new JsonRequest(FormBody.parse("amount=2000&confirm=true&rate=0.5&neg=-3"), true);

        assertThat(request.requiredAmount("amount", 99_999_999)).isEqualTo(2000);
        assertThat(request.optionalBoolean("confirm")).contains(true);
        assertThat(request.optionalRate("rate")).contains(0.5);
        assertThat(request.optionalSignedInteger("neg")).hasValue(-3);
    }

    @Test
    void aDecimalAmountInAFormIsNotAnInteger() {
        JsonRequest request = new JsonRequest(FormBody.parse("amount=10.5"), true);

        assertThatThrownBy(() -> request.requiredAmount("amount", 99_999_999))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("parameter_invalid_integer"));
    }
}
