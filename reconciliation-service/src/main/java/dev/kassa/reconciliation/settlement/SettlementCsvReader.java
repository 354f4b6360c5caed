package dev.kassa.reconciliation.settlement;

import dev.kassa.schemas.money.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a PSP settlement file (format in psp-mock-service's README, "Settlement file":
 * {@code balance_transaction_id,type,payment_intent_id,payment_order_id,refund_id,amount,fee,net,currency,created_at})
 * as a stream and hands each row to a sink.
 *
 * <p>Commons CSV parses one physical line at a time instead of the stream as a whole: none of the columns
 * is free text, so a valid row never spans lines, and this way a broken row (an unclosed quote, a stray
 * character after a quoted value) costs only its own line instead of swallowing the rest of the file into
 * one ever-growing field. Memory stays bounded by the longest accepted line.
 */
public final class SettlementCsvReader {

    static final List<String> COLUMNS = List.of("balance_transaction_id", "type", "payment_intent_id",
            "payment_order_id", "refund_id", "amount", "fee", "net", "currency", "created_at");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();
    private static final Pattern MINOR_UNITS = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final int MAX_LINE_LENGTH = 4096;
    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_RAW_KEPT = 1000;

    /** How many lines were read, of which how many were valid rows. */
    public record Result(long dataLines, long validRows, long malformedRows) {
    }

    public Result read(InputStream in, SettlementRowSink sink) {
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_LENGTH);
        try {
            Header header = header(lines);
            long dataLines = 0;
            long valid = 0;
            BoundedLineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line.text().isBlank() && !line.overlong()) {
                    continue;
                }
                dataLines++;
                String problem = line.overlong()
                        ? "line is longer than " + MAX_LINE_LENGTH + " characters"
                        : null;
                SettlementRow row = null;
                if (problem == null) {
                    try {
                        row = toRow(line.number(), parseLine(line.text()), header);
                    } catch (MalformedRowException e) {
                        problem = e.getMessage();
                    }
                }
                if (row != null) {
                    valid++;
                    sink.row(row);
                } else {
                    sink.malformed(line.number(), problem, abbreviate(line.text()));
                }
            }
            return new Result(dataLines, valid, dataLines - valid);
        } catch (IOException | UncheckedIOException e) {
            throw new SettlementFileException("Reading the settlement file failed: " + e.getMessage(), e);
        }
    }

    /** Column positions by name, and how many columns every row must have. */
    private record Header(Map<String, Integer> index, int columns) {
        String value(List<String> values, String column) {
            String value = values.get(index.get(column));
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private static Header header(BoundedLineReader lines) throws IOException {
        BoundedLineReader.Line first = lines.next();
        if (first == null || first.text().isBlank()) {
            throw new SettlementFileException("The settlement file is empty: it has no header line");
        }
        List<String> names;
        try {
            names = parseLine(stripByteOrderMark(first.text()));
        } catch (MalformedRowException e) {
            throw new SettlementFileException("The settlement file header is unreadable: " + e.getMessage());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            if (index.putIfAbsent(name, i) != null) {
                throw new SettlementFileException("The settlement file header names column '" + name + "' twice");
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new SettlementFileException("The settlement file header lacks columns " + missing + "; it has " + names);
        }
        return new Header(Map.copyOf(index), names.size());
    }

    private static List<String> parseLine(String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new MalformedRowException("line is empty");
            }
            CSVRecord record = records.next();
            if (records.hasNext()) {
                throw new MalformedRowException("line holds more than one record (a bare carriage return)");
            }
            List<String> values = new ArrayList<>(record.size());
            record.forEach(values::add);
            return values;
        } catch (IOException | UncheckedIOException e) {
            throw new MalformedRowException("not valid CSV: " + withoutParserLineNumbers(rootMessage(e)));
        }
    }

    private static SettlementRow toRow(long lineNumber, List<String> values, Header header) {
        if (values.size() != header.columns()) {
            throw new MalformedRowException("expected " + header.columns() + " columns, found " + values.size());
        }
        String balanceTransactionId = id(values, header, "balance_transaction_id", true);
        String typeCode = text(values, header, "type");
        SettlementType type = SettlementType.ofCode(typeCode == null ? null : typeCode.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new MalformedRowException("type '" + nullToEmpty(typeCode) + "' is neither charge nor refund");
        }
        String paymentIntentId = id(values, header, "payment_intent_id", type == SettlementType.CHARGE);
        String paymentOrderId = id(values, header, "payment_order_id", false);
        String refundId = id(values, header, "refund_id", type == SettlementType.REFUND);
        long amount = minorUnits(values, header, "amount");
        long fee = minorUnits(values, header, "fee");
        long net = minorUnits(values, header, "net");
        if (type == SettlementType.CHARGE && amount <= 0) {
            throw new MalformedRowException("amount " + amount + " of a charge is not positive");
        }
        if (type == SettlementType.REFUND && amount >= 0) {
            throw new MalformedRowException("amount " + amount + " of a refund is not negative");
        }
        if (net != amount - fee) {
            throw new MalformedRowException("net " + net + " is not amount - fee (" + (amount - fee) + ")");
        }
        String currency = nullToEmpty(text(values, header, "currency")).toUpperCase(Locale.ROOT);
        if (!Money.isSupportedCurrency(currency)) {
            throw new MalformedRowException("currency '" + currency + "' is not an ISO 4217 code with minor units");
        }
        Instant createdAt = instant(text(values, header, "created_at"));
        return new SettlementRow(lineNumber, balanceTransactionId, type, paymentIntentId, paymentOrderId, refundId,
                amount, fee, net, currency, createdAt);
    }

    private static String text(List<String> values, Header header, String column) {
        return header.value(values, column);
    }

    private static String id(List<String> values, Header header, String column, boolean required) {
        String value = text(values, header, column);
        if (value == null) {
            if (required) {
                throw new MalformedRowException(column + " is missing");
            }
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new MalformedRowException(column + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static long minorUnits(List<String> values, Header header, String column) {
        String value = text(values, header, column);
        if (value == null || !MINOR_UNITS.matcher(value).matches()) {
            throw new MalformedRowException(column + " '" + abbreviate(nullToEmpty(value), 40)
                    + "' is not an integer number of minor units");
        }
        return Long.parseLong(value);
    }

    /** Unix seconds (as Stripe writes them) or an ISO-8601 date-time with an offset. */
    private static Instant instant(String value) {
        if (value == null) {
            throw new MalformedRowException("created_at is missing");
        }
        try {
            if (UNIX_SECONDS.matcher(value).matches()) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new MalformedRowException("created_at '" + abbreviate(value, 40)
                    + "' is neither an ISO-8601 date-time with offset nor Unix seconds");
        }
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** The parser only ever sees one line, so its own "line 1" would mislead; the position in the line helps. */
    private static String withoutParserLineNumbers(String message) {
        return message.replaceFirst("^\\(startline \\d+\\) ", "")
                .replaceFirst(" at line: \\d+, position: (\\d+)", " at character $1");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return abbreviate(s, MAX_RAW_KEPT);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** Why one row is refused; never escapes this class. */
    private static final class MalformedRowException extends RuntimeException {
        MalformedRowException(String message) {
            super(message, null, false, false);
        }
    }
}
