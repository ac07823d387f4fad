package org.asbportal.notify;

import static io.restassured.RestAssured.given;
import static org.asbportal.web.FormSession.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.report.ReportFormSession;
import org.asbportal.report.ReportRows;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.asbportal.web.journey.JourneyDrafts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Save and come back later" on the residents' journeys: the answers are kept without being checked,
 * a link is emailed through the outbox (no answers, no personal data), and following it in another
 * browser resumes the draft at its first unanswered page, until it expires.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class ResumeLinkTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"]+(/report/resume/[A-Za-z0-9_-]+)");

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @Inject
    TestClock clock;

    @Inject
    JourneyDrafts drafts;

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void onlyThisTestsEmailsAndNoEarlierLinksCounted() {
        Victims.discardBacklog();
        db = new ReportRows(dataSource);
        db.update("DELETE FROM attempt_counter WHERE bucket LIKE 'resume-link:%'");
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void aSavedReportIsEmailedALinkThatResumesItInAnotherBrowserAtTheRightPage() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String place = steps.get("where").get("locationDescription").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(steps, "when");
        session.get("/report/when").then().body(containsString("Save and come back later"));

        Map<String, List<String>> when = answers("action", "save-for-later");
        when.putAll(steps.get("when"));
        Response saved = session.send(when, true, true);
        saved.then().statusCode(303).header("Location", endsWith("/report/save"));
        session.follow(saved).then().statusCode(200)
                .body(containsString("Save your answers and come back later"))
                .body(containsString("We only use it to send you this link"));

        session.postTo("/report/save", answers("email", "not an address"), true, true).then().statusCode(400)
                .body(containsString("Enter an email address in the correct format"));
        session.postTo("/report/save", answers("email", ""), true, true).then().statusCode(400)
                .body(containsString("Enter your email address"));
        String email = Victims.uniqueEmail();
        Response sent = session.postTo("/report/save", answers("email", " " + email + " "), true, true);
        sent.then().statusCode(303).header("Location", endsWith("/report/saved"));
        session.follow(sent).then().statusCode(200).body(containsString("We have sent you a link"))
                .body(containsString("id=\"expires\""));

        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "recipient = ?1", email).singleResult());
        assertThat(message.kind).isEqualTo(ResumeLinks.RESUME_LINK.code());
        assertThat(message.subject).isEqualTo("Come back to your answers: Report anti-social behaviour");
        for (String body : List.of(message.bodyText, message.bodyHtml)) {
            assertThat(body).contains("/report/resume/").doesNotContain(place).doesNotContain(email);
        }
        assertThat(db.count("SELECT COUNT(*) FROM journey_draft WHERE answers LIKE ?", "%" + email + "%")).isZero();

        sendAll();
        String path = linkIn(mailTo(email));

        ReportFormSession other = ReportFormSession.opening(path);
        assertThat(other.step()).as("the first unanswered page").isEqualTo("what");
        other.press("back").then().body(containsString("value=\"21:30\""));
        other.get("/report/where").then().body(containsString("value=\"" + place + "\""));
        other.walkToCheck(steps);
        assertThat(other.step()).isEqualTo("check");
    }

    @Test
    void answersThatNeedPuttingRightAreSavedAndThePageIsAskedAgainOnReturn() {
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(ReportFormSession.validAnswers(), "where");

        session.send(answers("action", "save-for-later", "locationDescription", "", "town", "Kempston"), true, true)
                .then().statusCode(303).header("Location", endsWith("/report/save"));
        String email = Victims.uniqueEmail();
        session.postTo("/report/save", answers("email", email), true, true).then().statusCode(303);
        sendAll();

        ReportFormSession other = ReportFormSession.opening(linkIn(mailTo(email)));
        assertThat(other.step()).isEqualTo("where");
        other.last().then().body(containsString("value=\"Kempston\""));
    }

    @Test
    void theLinkOutlivesTheDraftsDayThenExpiresWithAFriendlyPage() {
        Instant start = Instant.now();
        clock.fixAt(start);
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(ReportFormSession.validAnswers(), "where");
        session.press("save-for-later");
        String email = Victims.uniqueEmail();
        session.postTo("/report/save", answers("email", email), true, true).then().statusCode(303);
        sendAll();
        String path = linkIn(mailTo(email));

        clock.fixAt(start.plus(Duration.ofDays(3)));
        drafts.purge();
        ReportFormSession later = ReportFormSession.opening(path);
        assertThat(later.step()).as("kept past its 24 hours for the link").isEqualTo("where");

        clock.fixAt(start.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        drafts.purge();
        Response expired = given().accept("text/html").redirects().follow(false).get(path);
        expired.then().statusCode(404)
                .body(containsString("This link has expired or does not work"))
                .body(containsString("Start again"));
        assertThat(expired.getCookie(ReportFormSession.DRAFT_COOKIE)).isNull();
    }

    @Test
    void anUnknownLinkIsAFriendlyPageNotAnError() {
        for (String token : List.of("not-a-real-token", "x".repeat(300))) {
            given().accept("text/html").redirects().follow(false).urlEncodingEnabled(false).get("/report/resume/" + token)
                    .then().statusCode(404)
                    .body(containsString("This link has expired or does not work"))
                    .body(not(containsString("Exception")));
        }
        given().accept("text/html").redirects().follow(false).get("/community-trigger/apply/resume/unknown")
                .then().statusCode(404).body(containsString("Ask for a case review (Community Trigger)"));
    }

    @Test
    void theCommunityTriggerApplicationCanBeSavedToo() {
        given().accept("text/html").get("/community-trigger/apply/who").then().statusCode(200)
                .body(containsString("value=\"save-for-later\""));
        given().accept("text/html").redirects().follow(false).get("/community-trigger/apply/save")
                .then().statusCode(303).header("Location", containsString("/community-trigger/apply/who"));
    }

    /** Sends what is due, then again what failed a first time: the test mail server drops an idle connection. */
    private void sendAll() {
        sender.sendDue();
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "nextAttemptAt = ?1 where status = ?2 and attempts > 0", TestDates.clockNow(), OutboxStatus.PENDING));
        sender.sendDue();
    }

    private MimeMessage mailTo(String email) {
        List<MimeMessage> received = Victims.everything(mailServer, email);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static String linkIn(MimeMessage message) {
        Matcher matcher = LINK.matcher(Victims.part(message, "text/plain"));
        assertThat(matcher.find()).as("a link in the email").isTrue();
        return matcher.group(1);
    }
}
