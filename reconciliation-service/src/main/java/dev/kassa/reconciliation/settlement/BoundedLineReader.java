package dev.kassa.reconciliation.settlement;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines of at most {@code maxLength} characters from a stream. A longer line is skipped up
 * to its end and reported as overlong, so that no input (say a quote that is never closed, or a file
 * without line breaks) can make memory grow with the file.
 */
final class BoundedLineReader {

    /** A line, or the fact that line {@code number} was too long (then {@code text} is its beginning). */
    record Line(long number, String text, boolean overlong) {
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long lineNumber;

    BoundedLineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the stream. */
    Line next() throws IOException {
        line.setLength(0);
        boolean overlong = false;
        boolean sawAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAnything) {
                        return null;
                    }
                    return finish(overlong);
                }
            }
            sawAnything = true;
            char c = buffer[position++];
            if (c == '\n') {
                return finish(overlong);
            }
            if (line.length() < maxLength) {
                line.append(c);
            } else {
                overlong = true;
            }
        }
    }

    private Line finish(boolean overlong) {
        lineNumber++;
        int end = line.length();
        if (!overlong && end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(lineNumber, line.substring(0, end), overlong);
    }
}
