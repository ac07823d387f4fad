package org.asbportal.notify;

import static io.restassured.RestAssured.given;
import static org.asbportal.notify.Victims.flyTipping;
import static org.asbportal.notify.Victims.report;
import static org.asbportal.notify.Victims.uniqueEmail;
import static org.asbportal.web.FormSession.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.notify.Victims.Created;
import org.asbportal.report.AccessCodeReplacements;
import org.asbportal.report.ReportFormSession;
import org.asbportal.report.ReportRows;
import org.asbportal.web.FormSession;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "I have lost my access code": the reference and the email address the report gave get a link by
 * email (the same answer whatever matched), and the link, once, gives a new code that opens /track
 * while the old one no longer does.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class AccessCodeReplacementTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"]+(/track/lost-code/new/[A-Za-z0-9_-]+)");
    private static final String SAME_ANSWER = "If the reference and email address match a report, we have sent a link";

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void onlyThisTestsEmailsAndNoEarlierRequestsCounted() {
        Victims.discardBacklog();
        db = new ReportRows(dataSource);
        db.update("DELETE FROM attempt_counter WHERE bucket LIKE 'code-link%'");
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void theReportsEmailGetsALinkToANewCodeAndTheOldCodeStopsWorking() {
        String email = uniqueEmail();
        Created created = report(flyTipping(email));
        given().accept("text/html").get("/track").then().body(containsString("href=\"/track/lost-code\""))
                .body(containsString("I have lost my access code"));

        FormSession browser = ReportFormSession.opening("/track/lost-code");
        Response asked = browser.postTo("/track/lost-code", answers("reference", created.reference().toLowerCase(),
                "email", " " + email.toUpperCase() + " "), true, true);
        asked.then().statusCode(303).header("Location", endsWith("/track/lost-code/sent"));
        browser.follow(asked).then().statusCode(200).body(containsString(SAME_ANSWER));

        OutboxMessage message = link(created.reference());
        assertThat(message.recipient).isEqualTo(email);
        assertThat(message.subject).isEqualTo("Get a new access code for your report " + created.reference());
        for (String body : List.of(message.bodyText, message.bodyHtml)) {
            assertThat(body).contains("/track/lost-code/new/").doesNotContain(created.accessCode());
        }
        sendAll();
        List<MimeMessage> mail = Victims.everything(mailServer, email).stream()
                .filter(m -> subject(m).startsWith("Get a new access code")).toList();
        assertThat(mail).hasSize(1);
        String path = linkIn(mail.get(0));

        FormSession following = ReportFormSession.opening(path);
        following.last().then().body(containsString("Show my new access code"));
        String token = path.substring(path.lastIndexOf('/') + 1);
        Response issued = following.postTo("/track/lost-code/new", answers("token", token), true, true);
        issued.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("Your new access code"));
        String newCode = FormSession.accessCodeOn(issued);
        assertThat(newCode).isNotEqualTo(created.accessCode());

        track(created.reference(), created.accessCode()).then().statusCode(404);
        track(created.reference(), newCode).then().statusCode(200);
        assertThat(Victims.timeline(created.reference())).contains(
                "Access code replaced: the victim followed a link sent to the email address the report gave");
        assertThat(db.count("SELECT COUNT(*) FROM report_event e JOIN report r ON r.id = e.report_id "
                + "WHERE r.reference = ? AND e.kind = ? AND e.is_public = FALSE", created.reference(),
                AccessCodeReplacements.REPLACED)).isEqualTo(1);

        following.postTo("/track/lost-code/new", answers("token", token), true, true).then().statusCode(404)
                .body(containsString("This link has expired or has already been used"));
        given().accept("text/html").get(path).then().statusCode(404)
                .body(containsString("This link has expired or has already been used"));
        track(created.reference(), newCode).then().statusCode(200);
    }

    @Test
    void aWrongEmailOrReferenceGetsTheSameAnswerAndNoEmail() {
        String email = uniqueEmail();
        Created created = report(flyTipping(email));
        FormSession browser = ReportFormSession.opening("/track/lost-code");

        for (List<String> given : List.of(List.of(created.reference(), uniqueEmail()), List.of("ASB-2222-2222", email),
                List.of("not a reference", email))) {
            Response asked = browser.postTo("/track/lost-code", answers("reference", given.get(0), "email", given.get(1)), true, true);
            asked.then().statusCode(303).header("Location", endsWith("/track/lost-code/sent"));
        }

        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("kind = ?1 and reportReference = ?2",
                AccessCodeReplacements.CODE_LINK.code(), created.reference()))).isZero();
        track(created.reference(), created.accessCode()).then().statusCode(200);
    }

    @Test
    void theFormSaysWhatIsMissingAndLimitsRequestsFromOneClient() {
        FormSession browser = ReportFormSession.opening("/track/lost-code");
        browser.postTo("/track/lost-code", answers("reference", "", "email", "a@example.org"), true, true).then().statusCode(400)
                .body(containsString("Enter your reference"));
        browser.postTo("/track/lost-code", answers("reference", "ASB-2222-2222", "email", ""), true, true).then().statusCode(400)
                .body(containsString("Enter the email address you gave with your report"));

        browser.postTo("/track/lost-code", answers("reference", "ASB-2222-2222", "email", uniqueEmail()), true, true)
                .then().statusCode(303);
        // The test profile allows 100,000 requests: this client has used them all.
        db.update("UPDATE attempt_counter SET failures = 100000 WHERE bucket LIKE 'code-link:%'");
        browser.postTo("/track/lost-code", answers("reference", "ASB-2222-2222", "email", uniqueEmail()), true, true)
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("You can try again in"));
    }

    @Test
    void theLinkExpires() {
        Instant start = Instant.now();
        clock.fixAt(start);
        String email = uniqueEmail();
        Created created = report(flyTipping(email));
        FormSession browser = ReportFormSession.opening("/track/lost-code");
        browser.postTo("/track/lost-code", answers("reference", created.reference(), "email", email), true, true)
                .then().statusCode(303);
        sendAll();
        String path = linkIn(Victims.everything(mailServer, email).stream()
                .filter(m -> subject(m).startsWith("Get a new access code")).findFirst().orElseThrow());

        clock.fixAt(start.plus(Duration.ofHours(24)).plusSeconds(1));
        FormSession late = ReportFormSession.opening("/track/lost-code");
        given().accept("text/html").get(path).then().statusCode(404);
        late.postTo("/track/lost-code/new", answers("token", path.substring(path.lastIndexOf('/') + 1)), true, true)
                .then().statusCode(404).body(containsString("This link has expired or has already been used"));
        track(created.reference(), created.accessCode()).then().statusCode(200);
    }

    private static Response track(String reference, String accessCode) {
        FormSession browser = ReportFormSession.opening("/track");
        return browser.postTo("/track", answers("reference", reference, "accessCode", accessCode), true, true);
    }

    private static OutboxMessage link(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("kind = ?1 and reportReference = ?2",
                AccessCodeReplacements.CODE_LINK.code(), reference).singleResult());
    }

    /** Sends what is due, then again what failed a first time: the test mail server drops an idle connection. */
    private void sendAll() {
        sender.sendDue();
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "nextAttemptAt = ?1 where status = ?2 and attempts > 0", TestDates.clockNow(), OutboxStatus.PENDING));
        sender.sendDue();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(MimeMessage message) {
        Matcher matcher = LINK.matcher(Victims.part(message, "text/plain"));
        assertThat(matcher.find()).as("a link in the email").isTrue();
        return matcher.group(1);
    }
}
