package dev.kassa.client;

import dev.kassa.client.CreateCheckoutRequest.BuyerInfo;
import dev.kassa.client.CreateCheckoutRequest.CreditCardInfo;
import dev.kassa.client.CreateCheckoutRequest.PaymentOrderRequest;
import java.util.List;

/** Requests and answers as payment-service writes them (its records and README). */
final class Samples {

    static final String KEY = "sk_test_abcdefghijklmnopqrstuvwxyz012345";

    static final CreateCheckoutRequest CHECKOUT = new CreateCheckoutRequest("chk_1",
            new BuyerInfo("u_1", "buyer@example.com", "Ada"), new CreditCardInfo("tok_visa", "4242"),
            List.of(new PaymentOrderRequest("po_1", "seller_1", Money.of("29.99", "USD"))));

    static final String CHECKOUT_JSON = """
            {"checkout_id": "chk_1",
             "buyer_info": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"},
             "credit_card_info": {"token": "tok_visa", "last4": "4242"},
             "payment_orders": [{"payment_order_id": "po_1", "seller_account": "seller_1", "amount": "29.99",
                                 "currency": "USD"}]}""";

    static final String PROCESSING = """
            {"checkout_id": "chk_1", "status": "PROCESSING", "created_at": "2026-11-20T23:53:52.374Z",
             "payment_orders": [{"payment_order_id": "po_1", "seller_account": "seller_1", "amount": "29.99",
                                 "currency": "USD", "status": "NOT_STARTED", "wallet_updated": false,
                                 "ledger_updated": false, "failure_code": null}]}""";

    static final String COMPLETED = """
            {"checkout_id": "chk_1", "status": "COMPLETED", "created_at": "2026-11-20T23:53:52.374Z",
             "payment_orders": [{"payment_order_id": "po_1", "seller_account": "seller_1", "amount": "29.99",
                                 "currency": "USD", "status": "SUCCEEDED", "wallet_updated": true,
                                 "ledger_updated": true, "failure_code": null}]}""";

    static final String REFUND = """
            {"refund_id": "rf_1", "payment_order_id": "po_1", "amount": "5.00", "currency": "USD",
             "status": "REQUESTED", "psp_refund_reference": null, "failure_code": null, "failure_message": null,
             "created_at": "2026-11-21T10:00:00Z"}""";

    static final String CONFLICT = """
            {"type": "https://kassa.dev/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "checkout_id: chk_1 was created with another body",
             "instance": "/api/v1/payments",
             "errors": [{"field": "checkout_id", "reason": "chk_1 was created with another body"}]}""";

    static final String UNAVAILABLE = """
            {"type": "https://kassa.dev/problems/temporarily-unavailable", "title": "Temporarily unavailable",
             "status": 503, "detail": "the database is not reachable right now; send the same request again later",
             "instance": "/api/v1/payments"}""";

    private Samples() {
    }
}
