package org.asbportal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * A bare HTTP/1.1 client over a socket to the test application, for requests no well-behaved
 * client library would send: any header value, any bytes as the body, a body with no length.
 */
public final class RawHttp {

    /** The status line's code, the headers (names in lower case) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    /** Sends one request with {@code Connection: close} and reads the whole answer. */
    public static Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Reads one answer from a connection kept open for more: the head, then a body framed by its
     * Content-Length or its chunks.
     */
    public static Answer readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed in the head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        Answer answer = parse(head.toString(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(answer.headers().get("transfer-encoding"))) {
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.write(in.readNBytes(size));
                in.readNBytes(2);
            }
            in.readNBytes(2);
        } else {
            body.write(in.readNBytes(Integer.parseInt(answer.headers().getOrDefault("content-length", "0"))));
        }
        return new Answer(answer.status(), answer.headers(), body.toString(StandardCharsets.UTF_8));
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed in a chunk size");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return Integer.parseInt(line.toString().split(";")[0].strip(), 16);
    }

    /** Reads an answer from the start of its status line until the server closes the connection. */
    public static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (bytes.size() == 0) {
                throw e;
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        Answer head = parse(end < 0 ? text : text.substring(0, end));
        return new Answer(head.status(), head.headers(), end < 0 ? "" : text.substring(end + 4));
    }

    private static Answer parse(String head) {
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Answer(status, headers, "");
    }
}
