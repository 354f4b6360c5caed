package dev.kassa.payment.history;

import java.util.List;
import org.springframework.data.repository.Repository;

/** The history entries of payment orders; read only (the triggers on {@code payment_order} write them). */
interface PaymentOrderHistory extends Repository<HistoryEntry, Long> {

    /** One order's changes, oldest first: ids grow with every change, which the order's row lock serializes. */
    List<HistoryEntry> findByPaymentOrderIdOrderById(String paymentOrderId);
}
