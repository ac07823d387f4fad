package org.asbportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Request bodies are limited by what is read, not by what the client declares: a body sent in chunks
 * without a length is cut off at 1 MiB with a 413 and the connection closed, long before the client
 * has sent it all, on the API and on the pages; the administrators' upload routes take more.
 */
@QuarkusTest
class BodyLimitsTest {

    /** Far more than the limit and than the connection's buffers can hold, so a server reading it all would be seen to. */
    private static final int SENT = 24 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    /** What the client managed to send before the answer, and the answer. */
    record Outcome(long sent, boolean sentAll, RawHttp.Answer answer) {
    }

    @Test
    void refusesALargeChunkedJsonReportWithoutReadingIt() throws Exception {
        Outcome outcome = sendChunked("/api/v1/reports", "application/json", "application/json",
                "{\"categoryCode\":\"NOISE\",\"description\":\"", (byte) 'x');

        assertEquals(413, outcome.answer().status(), outcome.answer().body());
        assertTrue(outcome.answer().contentType().startsWith(Problem.MEDIA_TYPE), outcome.answer().contentType());
        assertTrue(outcome.answer().body().contains("\"status\":413"), outcome.answer().body());
        assertTrue(!outcome.sentAll(), "the connection was closed after " + outcome.sent() + " of " + SENT + " bytes");
    }

    @Test
    void refusesALargeChunkedFormWithAPage() throws Exception {
        Outcome outcome = sendChunked("/track", "application/x-www-form-urlencoded", "text/html",
                "reference=ASB-2345-6789&accessCode=", (byte) 'x');

        assertEquals(413, outcome.answer().status(), outcome.answer().body());
        assertTrue(outcome.answer().contentType().startsWith("text/html"), outcome.answer().contentType());
        assertTrue(outcome.answer().body().contains("Too much was sent"), outcome.answer().body());
        assertTrue(!outcome.sentAll(), "the connection was closed after " + outcome.sent() + " of " + SENT + " bytes");
    }

    @Test
    void refusesABodyDeclaredLargerThanTheLimitBeforeReadingIt() throws Exception {
        RawHttp.Answer answer;
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (2 * 1024 * 1024) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = RawHttp.read(socket.getInputStream());
        }
        assertEquals(413, answer.status(), answer.body());
    }

    @Test
    void readsAChunkedBodyUnderTheLimitWhole() throws Exception {
        // 600 KB, nearly all of it spaces between the fields: read whole, then judged on what it says.
        String json = "{\"categoryCode\":\"NOISE\"," + " ".repeat(600 * 1024) + "\"description\":\"Loud music\",\"occurredAt\":"
                + "\"+999999999-12-31\"}";
        RawHttp.Answer answer;
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            writeChunks(out, json.getBytes(StandardCharsets.UTF_8));
            answer = RawHttp.read(socket.getInputStream());
        }
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"occurredAt\""), answer.body());
    }

    @Test
    void theAdministratorsPoliceImportTakesAChunkedFileOverTheLimit() throws Exception {
        byte[] bytes = policeCsv(3 * 1024 * 1024);
        String credentials = adminCredentials();
        RawHttp.Answer answer;
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/admin/imports/police HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Accept: application/json\r\nAuthorization: Basic " + credentials + "\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            writeChunks(out, bytes);
            answer = RawHttp.read(socket.getInputStream());
        }
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"imported\""), answer.body());
    }

    @Test
    void aSmallChunkedRequestLeavesTheConnectionFreeForALargeUploadAfterIt() throws Exception {
        byte[] csv = policeCsv(2 * 1024 * 1024);
        try (Socket socket = socket()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            writeChunks(out, "{\"categoryCode\":\"NOISE\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, RawHttp.readOne(in).status());

            out.write(("POST /api/v1/admin/imports/police HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Accept: application/json\r\nAuthorization: Basic " + adminCredentials() + "\r\nContent-Length: " + csv.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(csv);
            out.flush();
            RawHttp.Answer answer = RawHttp.readOne(in);
            assertEquals(200, answer.status(), answer.body());
        }
    }

    /**
     * Sends {@code start} then {@link #SENT} bytes of {@code filler} in chunks, reading the answer as it
     * comes; stops sending when the server closes the connection.
     */
    private static Outcome sendChunked(String path, String contentType, String accept, String start, byte filler) throws Exception {
        try (Socket socket = socket()) {
            InputStream in = socket.getInputStream();
            CompletableFuture<RawHttp.Answer> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(in);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nAccept: " + accept
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] first = start.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(first);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, filler);
            long sent = 0;
            boolean sentAll = true;
            try {
                while (sent < SENT) {
                    out.write((Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += CHUNK;
                    if (answer.isDone()) {
                        sentAll = false;
                        break;
                    }
                }
                if (sentAll) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closedByServer) {
                sentAll = false;
            }
            return new Outcome(sent, sentAll, answer.get(30, TimeUnit.SECONDS));
        }
    }

    private static byte[] policeCsv(int size) {
        StringBuilder csv = new StringBuilder("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
                + "LSOA name,Crime type,Last outcome category,Context\n");
        String row = ",2016-11,Chunked Upload Constabulary,Chunked Upload Constabulary,-0.466377,52.137122,On or near Mill Street,"
                + "E01017544,Bedford 001C,Anti-social behaviour,,\n";
        while (csv.length() < size) {
            csv.append(row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String adminCredentials() {
        return java.util.Base64.getEncoder().encodeToString(("admin:" + org.asbportal.security.DemoAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void writeChunks(OutputStream out, byte[] bytes) throws IOException {
        for (int at = 0; at < bytes.length; at += CHUNK) {
            int length = Math.min(CHUNK, bytes.length - at);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, at, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(30_000);
        return socket;
    }
}
