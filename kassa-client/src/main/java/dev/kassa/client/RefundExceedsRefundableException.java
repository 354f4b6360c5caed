package dev.kassa.client;

import java.time.Duration;

/** 422 {@code refund-exceeds-refundable}: more than what is left to refund on the payment order. */
public class RefundExceedsRefundableException extends UnprocessableRequestException {

    public RefundExceedsRefundableException(String method, String path, int status, Problem problem, Duration retryAfter,
                                            String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
