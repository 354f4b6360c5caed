package dev.kassa.reconciliation.discrepancy;

import dev.kassa.schemas.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * One stored finding, as raw facts (minor units, currencies, statuses). {@link #expected()} and
 * {@link #actual()} render them for people, with the shared money formatter: "FAILED 29.99 USD", "none",
 * "WITHDRAWN 29.99 USD, fee 15.00 USD" (a dispute's money: its fee beside its amount).
 *
 * @param disputeId        the dispute ({@code dp_…}) of a finding about a dispute's money, else null
 * @param expectedFeeMinor the fee the platform recorded, for findings that compare fees (disputes), else null; in the
 *                         PSP's sign like {@code actualFeeMinor}, so that the two compare as they are
 * @param actualFeeMinor   the PSP's fee, for findings that compare fees (a dispute fee; negative when returned)
 */
public record Discrepancy(
        LocalDate reportDate,
        DiscrepancyType type,
        String subject,
        String paymentOrderId,
        String pspReference,
        String refundId,
        String balanceTransactionId,
        String sellerAccount,
        Long lineNumber,
        Long expectedMinor,
        String expectedCurrency,
        String expectedStatus,
        Long actualMinor,
        String actualCurrency,
        String actualStatus,
        String detail,
        String disputeId,
        Long expectedFeeMinor,
        Long actualFeeMinor) {

    /** Columns of the {@code discrepancy} table this record reads, in {@link #fromRow} order. */
    public static final String COLUMNS = """
            report_date, type, subject, payment_order_id, psp_reference, refund_id, balance_transaction_id,
            seller_account, line_number, expected_minor, expected_currency, expected_status,
            actual_minor, actual_currency, actual_status, detail, dispute_id, expected_fee_minor, actual_fee_minor""";

    /** Deterministic order of a report's findings, so that a rerun lists them alike. */
    public static final String ORDER = "type, fingerprint";

    public static Discrepancy fromRow(ResultSet rs, int rowNum) throws SQLException {
        return new Discrepancy(
                rs.getObject("report_date", LocalDate.class),
                DiscrepancyType.valueOf(rs.getString("type")),
                rs.getString("subject"),
                rs.getString("payment_order_id"),
                rs.getString("psp_reference"),
                rs.getString("refund_id"),
                rs.getString("balance_transaction_id"),
                rs.getString("seller_account"),
                rs.getObject("line_number", Long.class),
                rs.getObject("expected_minor", Long.class),
                rs.getString("expected_currency"),
                rs.getString("expected_status"),
                rs.getObject("actual_minor", Long.class),
                rs.getString("actual_currency"),
                rs.getString("actual_status"),
                rs.getString("detail"),
                rs.getString("dispute_id"),
                rs.getObject("expected_fee_minor", Long.class),
                rs.getObject("actual_fee_minor", Long.class));
    }

    public String expected() {
        return render(expectedStatus, expectedMinor, expectedFeeMinor, expectedCurrency);
    }

    public String actual() {
        return render(actualStatus, actualMinor, actualFeeMinor, actualCurrency);
    }

    /** The currency the finding is about: ours where we have it, else the PSP's. */
    public String currency() {
        return expectedCurrency != null ? expectedCurrency : actualCurrency;
    }

    private static String render(String status, Long minor, Long feeMinor, String currency) {
        String amount = minor == null ? null : formatAmount(minor, currency);
        if (amount != null && feeMinor != null) {
            amount = amount + ", fee " + formatAmount(feeMinor, currency);
        }
        if ("NONE".equals(status)) {
            return "none";
        }
        if (status == null) {
            return amount;
        }
        return amount == null ? status : status + " " + amount;
    }

    /** "29.99 USD"; a currency the formatter does not know (never expected here) falls back to minor units. */
    public static String formatAmount(long minor, String currency) {
        if (currency != null && Money.isSupportedCurrency(currency)) {
            return Money.formatMinor(minor, currency) + " " + currency;
        }
        return minor + " minor units of " + currency;
    }
}
