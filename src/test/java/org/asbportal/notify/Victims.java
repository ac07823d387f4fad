package org.asbportal.notify;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.report.ReportEvent;
import org.asbportal.report.ReportReceipts;
import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.security.DemoAccounts;
import org.asbportal.web.TestDates;

/**
 * Reports from victims, staff changes to them over the JSON API, and what reached the outbox and
 * the mail server. Fly-tipping reports land in the council's queue, which {@code triage} works.
 */
public final class Victims {

    public record Created(String reference, String accessCode) {
    }

    private Victims() {
    }

    /** An address no other test uses, so a test sees only its own emails. */
    public static String uniqueEmail() {
        return "victim-" + ReportRequests.unique() + "@example.org";
    }

    public static Body flyTipping(String email) {
        return ReportRequests.valid().with("categoryCode", "FLY_TIPPING").with("reporter.email", email);
    }

    public static Created report(Body body) {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body.json())
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract();
        return new Created(created.path("reference"), created.path("accessCode"));
    }

    static void update(String reference, String text, boolean isPublic) {
        staff().body(Map.of("text", text, "public", isPublic))
                .when().post("/api/v1/cases/" + reference + "/updates")
                .then().statusCode(200);
    }

    static void close(String reference) {
        staff().body(Map.of("outcome", "RESOLVED"))
                .when().post("/api/v1/cases/" + reference + "/close")
                .then().statusCode(200);
    }

    /** The emails about the case after it was received, oldest first: the receipt is left out ({@link #receipt}). */
    static List<OutboxMessage> outbox(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "reportReference = ?1 and kind <> ?2 order by id", reference, ReportReceipts.RECEIPT.code()));
    }

    /** The receipt written when the report was saved, if any. */
    static Optional<OutboxMessage> receipt(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "reportReference = ?1 and kind = ?2", reference, ReportReceipts.RECEIPT.code()).firstResultOptional());
    }

    /** Every message of the report's timeline, public or not, oldest first. */
    static List<String> timeline(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> ReportEvent
                .<ReportEvent>list("report.reference = ?1 order by occurredAt, id", reference)
                .stream().map(e -> e.message).toList());
    }

    /**
     * Removes the emails other tests left waiting: they ran without a mail server, so their emails
     * would otherwise fill the sender's batches ahead of this test's own.
     */
    public static void discardBacklog() {
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("status = ?1", OutboxStatus.PENDING));
    }

    /**
     * Sends what is due, then once more whatever of the report's emails failed: the test mail server
     * drops a connection left idle, so a first attempt can fail and be retried, as in production.
     */
    static void sendAllDue(OutboxSender sender, String reference) {
        sender.sendDue();
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "nextAttemptAt = ?1 where reportReference = ?2 and status = ?3 and attempts > 0",
                TestDates.clockNow(), reference, OutboxStatus.PENDING));
        sender.sendDue();
    }

    /** Makes a message due now by the portal's clock, as if its back-off had passed. */
    static void makeDue(OutboxMessage message) {
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMessage.update("nextAttemptAt = ?1 where id = ?2", TestDates.clockNow(), message.id));
    }

    /** The emails {@code address} received about its case, the receipt of the report left out. */
    public static List<MimeMessage> received(GreenMail server, String address) {
        return everything(server, address).stream().filter(message -> !isReceipt(message)).toList();
    }

    /** Every email {@code address} received, receipts included. */
    public static List<MimeMessage> everything(GreenMail server, String address) {
        return server.findReceivedMessages(user -> user.getEmail().equals(address), message -> true).toList();
    }

    private static boolean isReceipt(MimeMessage message) {
        try {
            return message.getSubject() != null && message.getSubject().startsWith(ReportReceipts.RECEIPT.subject("").strip());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the first part of {@code type} ("text/plain", "text/html"), anywhere in the message. */
    public static String part(Part message, String type) {
        try {
            if (message.isMimeType(type)) {
                return (String) message.getContent();
            }
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = part(child, type);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification staff() {
        return given().auth().preemptive().basic("triage", DemoAccounts.PASSWORD).contentType(ContentType.JSON);
    }
}
