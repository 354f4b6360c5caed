package dev.kassa.client;

import static dev.kassa.client.FakeKassa.problem;
import static dev.kassa.client.FakeKassa.reply;
import static dev.kassa.client.Samples.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every problem type of docs/errors.md a merchant can meet, as its exception; a 4xx is answered after one request. */
@Tag("fast")
class ProblemMappingTest {

    private FakeKassa kassa;
    private KassaClient client;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() throws Exception {
        kassa = new FakeKassa();
        sleeper = new RecordingSleeper();
        client = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY).sleeper(sleeper).build();
    }

    @AfterEach
    void stop() {
        client.close();
        kassa.close();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(400, "invalid-request", InvalidRequestException.class, ProblemKind.INVALID_REQUEST),
                Arguments.of(401, "unauthenticated", UnauthenticatedException.class, ProblemKind.UNAUTHENTICATED),
                Arguments.of(403, "forbidden", ForbiddenException.class, ProblemKind.FORBIDDEN),
                Arguments.of(404, "not-found", NotFoundException.class, ProblemKind.NOT_FOUND),
                Arguments.of(409, "conflict", ConflictException.class, ProblemKind.CONFLICT),
                Arguments.of(413, "body-too-large", KassaApiException.class, ProblemKind.BODY_TOO_LARGE),
                Arguments.of(422, "unprocessable-request", UnprocessableRequestException.class,
                        ProblemKind.UNPROCESSABLE_REQUEST),
                Arguments.of(422, "refund-exceeds-refundable", RefundExceedsRefundableException.class,
                        ProblemKind.REFUND_EXCEEDS_REFUNDABLE),
                Arguments.of(429, "rate-limited", RateLimitedException.class, ProblemKind.RATE_LIMITED));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void aRefusalIsItsExceptionAfterOneRequest(int status, String slug, Class<? extends KassaApiException> type,
                                               ProblemKind kind) {
        kassa.then(problem(status, """
                {"type": "https://kassa.dev/problems/%s", "title": "T", "status": %d, "detail": "D",
                 "instance": "/api/v1/payment-orders/po_1/refunds",
                 "errors": [{"field": "amount", "reason": "R"}], "trace": "ignored"}""".formatted(slug, status),
                "Retry-After", "7"));

        KassaApiException e = catchThrowableOfType(KassaApiException.class,
                () -> client.refund("po_1", new RefundRequest("rf_1", "50.00")));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.problem()).isEqualTo(new Problem("https://kassa.dev/problems/" + slug, "T", status, "D",
                "/api/v1/payment-orders/po_1/refunds", java.util.List.of(new Problem.FieldError("amount", "R"))));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(kassa.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void refundExceedsRefundableIsAlsoAnUnprocessableRequest() {
        kassa.then(problem(422, """
                {"type": "https://kassa.dev/problems/refund-exceeds-refundable",
                 "title": "Refund exceeds the refundable amount", "status": 422,
                 "detail": "amount: 50.00 exceeds the refundable 29.99",
                 "errors": [{"field": "amount", "reason": "50.00 exceeds the refundable 29.99"}]}"""));

        assertThatThrownBy(() -> client.refund("po_1", new RefundRequest("rf_1", "50.00")))
                .isInstanceOf(UnprocessableRequestException.class)
                .isInstanceOfSatisfying(RefundExceedsRefundableException.class,
                        e -> assertThat(e.problem().reasonFor("amount")).isEqualTo("50.00 exceeds the refundable 29.99"));
    }

    @Test
    void aTypeThisClientDoesNotKnowFallsBackToItsStatus() {
        kassa.then(problem(409, """
                {"type": "https://kassa.dev/problems/seller-suspended", "title": "Seller suspended", "status": 409}"""));

        assertThatThrownBy(() -> client.getPaymentOrder("po_1"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.type()).isEqualTo("https://kassa.dev/problems/seller-suspended");
                    assertThat(e.errors()).isEmpty();
                });
    }

    @Test
    void springsAboutBlankRefusalIsTheBaseException() {
        kassa.then(problem(405, """
                {"type": "about:blank", "title": "Method Not Allowed", "status": 405,
                 "detail": "Method 'GET' is not supported."}"""));

        assertThatThrownBy(() -> client.getPaymentOrder("po_1"))
                .isExactlyInstanceOf(KassaApiException.class)
                .satisfies(e -> {
                    KassaApiException api = (KassaApiException) e;
                    assertThat(api.kind()).isEqualTo(ProblemKind.OTHER);
                    assertThat(api.status()).isEqualTo(405);
                    assertThat(api.title()).isEqualTo("Method Not Allowed");
                });
    }

    @Test
    void anErrorThatIsNoProblemDetailIsDescribedByItsStatusAndBody() {
        kassa.then(reply(404, "text/plain", "no\u0000such\nthing"));

        assertThatThrownBy(() -> client.getDispute("dp_1"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.type()).isEqualTo("about:blank");
                    assertThat(e.title()).isEqualTo("Not Found");
                    assertThat(e.problem().status()).isEqualTo(404);
                    assertThat(e.detail()).isEqualTo("no such thing");
                });
    }

    @Test
    void aSuccessThatIsNotJsonIsReportedAsUnreadable() {
        kassa.then(reply(200, "text/html", "<html>a login page</html>"));

        assertThatThrownBy(() -> client.getCheckout("chk_1"))
                .isExactlyInstanceOf(KassaException.class)
                .hasMessageContaining("GET /api/v1/payments/chk_1 answered 200");
    }
}
