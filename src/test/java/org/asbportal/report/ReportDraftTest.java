package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.asbportal.report.ReportFormSession.answers;
import static org.asbportal.report.ReportFormSession.referenceOn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.security.AccessCodes;
import org.asbportal.web.TestClock;
import org.asbportal.web.journey.JourneyDrafts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The report journey's pages at their own addresses, and its draft held server-side behind a cookie. */
@QuarkusTest
class ReportDraftTest {

    private static final List<String> PAGES = List.of("danger", "category", "where", "when", "what", "evidence", "impact", "about",
            "equality", "consent", "check");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    JourneyDrafts drafts;

    ReportRows db;

    @BeforeEach
    void database() {
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void showsEveryPageAtItsOwnAddressWithTheAnswersGiven() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String place = steps.get("where").get("locationDescription").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        for (String page : PAGES) {
            Response shown = session.get("/report/" + page);
            shown.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                    .body(containsString("action=\"/report/" + page + (page.equals("evidence") ? "/files" : "") + "\""));
            assertEquals(page, session.step(), "GET /report/" + page + " shows that page");
        }
        session.get("/report/where").then().body(containsString("value=\"" + place + "\""));
        session.get("/report/emergency").then().statusCode(200);
        assertEquals("category", session.step(), "the emergency page is for someone in danger only");
    }

    @Test
    void aSavedPageRedirectsToTheNextPageAddress() {
        ReportFormSession session = ReportFormSession.start();

        Response danger = session.send(answers("danger", "no"), true, true);
        danger.then().statusCode(303).header("Location", endsWith("/report/category"));
        session.follow(danger);
        Response category = session.send(answers("category", "NOISE"), true, true);
        category.then().statusCode(303).header("Location", endsWith("/report/where"));
        Response inDanger = ReportFormSession.start().send(answers("danger", "yes"), true, true);
        inDanger.then().statusCode(303).header("Location", endsWith("/report/emergency"));
    }

    @Test
    void setsAnHttpOnlySameSiteDraftCookieKeptOnlyAsAHash() {
        ReportFormSession session = ReportFormSession.start();

        Response danger = session.send(answers("danger", "no"), true, true);

        var cookie = danger.getDetailedCookie(ReportFormSession.DRAFT_COOKIE);
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertEquals("Lax", cookie.getSameSite());
        assertTrue(cookie.getValue().length() >= 40, "an unguessable token");
        String token = cookie.getValue();
        assertEquals(1, db.count("SELECT COUNT(*) FROM journey_draft WHERE token_hash = ? AND journey = 'report'",
                AccessCodes.sha256(token)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM journey_draft WHERE token_hash = ? OR answers LIKE ?", token,
                "%" + token + "%"));
    }

    @Test
    void keepsTheDraftAcrossRequestsAndANewBrowserStartsEmpty() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String place = steps.get("where").get("locationDescription").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(steps, "when");

        ReportFormSession other = ReportFormSession.start();
        other.get("/report/where").then().statusCode(200).body(not(containsString(place)));
        assertEquals("danger", other.step(), "a browser without the draft starts at the first page");

        session.get("/report").then().statusCode(200);
        assertEquals("when", session.step(), "the start address resumes at the first unanswered page");
        session.press("back").then().body(containsString("value=\"" + place + "\""));
    }

    @Test
    void sendsToTheFirstUnansweredPageWhenAPageIsOpenedTooEarly() {
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(ReportFormSession.validAnswers(), "where");

        Response early = given().accept("text/html").redirects().follow(false)
                .cookie(ReportFormSession.DRAFT_COOKIE, session.cookie(ReportFormSession.DRAFT_COOKIE)).get("/report/consent");
        Response check = given().accept("text/html").redirects().follow(false)
                .cookie(ReportFormSession.DRAFT_COOKIE, session.cookie(ReportFormSession.DRAFT_COOKIE)).get("/report/check");

        early.then().statusCode(303).header("Location", endsWith("/report/where"));
        check.then().statusCode(303).header("Location", endsWith("/report/where"));
    }

    @Test
    void keepsTheDraftForADayThenStartsAgainWithAMessage() {
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(ReportFormSession.validAnswers(), "when");

        clock.fixAt(Instant.now().plus(Duration.ofHours(23)));
        session.get("/report/when").then().statusCode(200);
        assertEquals("when", session.step(), "saved and come back to within the day");

        clock.fixAt(Instant.now().plus(Duration.ofHours(23 + 25)));
        Response restarted = session.get("/report/when");

        restarted.then().statusCode(200)
                .body(containsString("Is anyone in danger right now?"))
                .body(containsString("We could not find your earlier answers"))
                .body(containsString("24 hours"));
        assertEquals("danger", session.step());
    }

    @Test
    void purgeDeletesExpiredDraftsOnly() {
        ReportFormSession expiring = ReportFormSession.start();
        expiring.post(answers("danger", "no"));
        String expiringHash = AccessCodes.sha256(expiring.cookie(ReportFormSession.DRAFT_COOKIE));

        clock.fixAt(Instant.now().plus(Duration.ofHours(20)));
        ReportFormSession recent = ReportFormSession.start();
        recent.post(answers("danger", "no"));
        String recentHash = AccessCodes.sha256(recent.cookie(ReportFormSession.DRAFT_COOKIE));
        clock.fixAt(Instant.now().plus(Duration.ofHours(25)));

        assertTrue(drafts.purge() >= 1);

        assertEquals(0, db.count("SELECT COUNT(*) FROM journey_draft WHERE token_hash = ?", expiringHash));
        assertEquals(1, db.count("SELECT COUNT(*) FROM journey_draft WHERE token_hash = ?", recentHash));
    }

    @Test
    void showsTheConfirmationAtItsOwnAddressAndBackNeverSendsAgain() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        Response confirmation = session.walkAndSend(steps);
        String reference = referenceOn(confirmation);
        assertEquals("confirmation", session.step());

        Response refreshed = session.get("/report/confirmation");
        Response back = session.get("/report/check");
        Response resent = session.follow(session.postTo("/report/check", Map.of(), true, true));

        assertEquals(reference, referenceOn(refreshed));
        assertEquals(reference, referenceOn(back));
        assertEquals(reference, referenceOn(resent));
        assertEquals(1, db.countReportsWithDescription(description));
        session.get("/report").then().statusCode(200).body(containsString("Is anyone in danger right now?"));
        assertEquals("danger", session.step(), "the start address begins a new report after one is sent");
        ReportFormSession.start().get("/report/confirmation").then().statusCode(200)
                .body(containsString("Is anyone in danger right now?"));
    }
}
