package dev.kassa.pspmock.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client for the load generator, in the spirit of wrk: one socket, no futures, no
 * selector threads, so that the cores go to the service under test rather than to the measuring apparatus.
 * It reads the status and skips the body (Content-Length or chunked), reconnecting when the server closes.
 */
final class KeepAliveConnection implements Closeable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(int port) {
        this.port = port;
    }

    /** @return the HTTP status */
    int post(String path, String authorization, String idempotencyKey, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nIdempotency-Key: " + idempotencyKey
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = 0;
        boolean chunked = false;
        boolean closing = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            String header = line.toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring(15).strip());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            } else if (header.startsWith("connection:") && header.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().strip(), 16); size > 0; size = Long.parseLong(readLine().strip(), 16)) {
                skip(size);
                readLine();
            }
            readLine();
        } else {
            skip(contentLength);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed by the server");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
