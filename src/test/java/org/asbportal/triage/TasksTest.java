package org.asbportal.triage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.report.RiskLevel;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.Site;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work due on an officer's cases: the start page's "Due today and overdue" (actions due today or
 * earlier, never a day early; reviews due by risk), recording a case review, and the morning digest
 * email (once a day per officer, only to officers with something due). Each test has officers of its
 * own, so work other tests leave never shows here; the portal's clock is moved day by day (and officers
 * sign in again after each move, as their sessions have run out by then).
 */
@QuarkusTest
class TasksTest {

    static final Instant NOW = TestDates.NOW;
    static final LocalDate TODAY = TestDates.today();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    CaseReviewService reviews;

    @Inject
    TaskDigest digest;

    @Inject
    Site site;

    TriageRows db;

    @BeforeEach
    void database() {
        clock.fixAt(NOW);
        db = new TriageRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    // ---------------------------------------------------------------- due today and overdue

    @Test
    void showsAnActionFromTheDayItIsDueAndHowLongItIsOverdueButNotADayEarly() {
        String officer = newOfficer("COUNCIL_ASB");
        Case reported = Cases.reportInto("COUNCIL_ASB");
        holds(officer, reported);
        addAction(reported, officer, TODAY.plusDays(2));

        clock.fixAt(NOW.plus(Duration.ofDays(1)));
        StaffSession.signIn(officer).get("/staff").then().statusCode(200)
                .body(containsString("Due today and overdue"))
                .body(not(containsString("href=\"/staff/cases/" + reported.reference() + "\"")))
                .body(containsString("Nothing is due today on your cases."));

        clock.fixAt(NOW.plus(Duration.ofDays(2)));
        StaffSession.signIn(officer).get("/staff").then().statusCode(200)
                .body(containsString("<a class=\"govuk-link\" href=\"/staff/cases/" + reported.reference() + "\">"))
                .body(containsString("Action: Warning (verbal or written)"))
                .body(containsString("Due today"))
                .body(not(containsString("Nothing is due today")));

        clock.fixAt(NOW.plus(Duration.ofDays(5)));
        StaffSession.signIn(officer).get("/staff").then().statusCode(200)
                .body(containsString("href=\"/staff/cases/" + reported.reference() + "\""))
                .body(containsString(site.shortDate(TODAY.plusDays(2))))
                .body(containsString("Overdue by 3 days"));
    }

    @Test
    void leavesOutActionsDoneAndCasesOfOtherOfficers() {
        String officer = newOfficer("COUNCIL_ASB");
        String other = newOfficer("COUNCIL_ASB");
        Case done = Cases.reportInto("COUNCIL_ASB");
        Case theirs = Cases.reportInto("COUNCIL_ASB");
        holds(officer, done);
        holds(other, theirs);
        long action = addAction(done, officer, TODAY);
        addAction(theirs, "Bedford Housing", TODAY);
        StaffApi.as("admin").body(StaffApi.json("status", "DONE", "result", "Letter delivered", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", done.reference(), action).then().statusCode(200);

        clock.fixAt(NOW.plus(Duration.ofDays(1)));
        StaffSession.signIn(officer).get("/staff").then().statusCode(200)
                .body(not(containsString(done.reference())))
                .body(not(containsString(theirs.reference())))
                .body(containsString("Nothing is due today on your cases."));
        StaffSession.signIn(other).get("/staff").then().statusCode(200)
                .body(containsString("href=\"/staff/cases/" + theirs.reference() + "\""))
                .body(containsString("Overdue by 1 day<"));
    }

    // ---------------------------------------------------------------- reviews by risk

    @Test
    void reviewsAreDueEveryFourteenDaysForHighRiskAndTwentyEightForMediumAndNeverForStandard() {
        Instant cameIn = NOW;
        assertEquals(TODAY.plusDays(14), reviews.nextReviewDue(RiskLevel.HIGH, true, cameIn));
        assertEquals(TODAY.plusDays(28), reviews.nextReviewDue(RiskLevel.MEDIUM, true, cameIn));
        assertNull(reviews.nextReviewDue(RiskLevel.STANDARD, true, cameIn));
        assertNull(reviews.nextReviewDue(RiskLevel.HIGH, false, cameIn), "a closed case is not reviewed");
    }

    @Test
    void aHighRiskCaseShowsItsReviewDueThenOverdueAndARecordedReviewResetsTheClock() {
        String officer = newOfficer("VULNERABILITY_HUB");
        Case reported = Cases.reportInto("VULNERABILITY_HUB");
        assertEquals("HIGH", db.item(reported.reference()).string("risk_level"));
        holds(officer, reported);
        String casePage = "/staff/cases/" + reported.reference();

        clock.fixAt(NOW.plus(Duration.ofDays(13)));
        StaffSession browser = StaffSession.signIn(officer);
        browser.get(casePage).then().statusCode(200)
                .body(containsString("Review due on " + site.longDate(TODAY.plusDays(14)) + "."))
                .body(containsString("Record a review"));
        browser.get("/staff").then().statusCode(200).body(not(containsString(reported.reference())));

        clock.fixAt(NOW.plus(Duration.ofDays(14)));
        browser = StaffSession.signIn(officer);
        browser.get("/staff").then().statusCode(200)
                .body(containsString("Case review (high risk)"))
                .body(containsString("href=\"/staff/cases/" + reported.reference() + "\""));

        clock.fixAt(NOW.plus(Duration.ofDays(17)));
        browser = StaffSession.signIn(officer);
        browser.get(casePage).then().statusCode(200).body(containsString("Review overdue"));
        browser.get("/staff").then().statusCode(200).body(containsString("Overdue by 3 days"));

        long auditBefore = db.lastAuditId();
        Response recorded = browser.post(casePage + "/review", "note", "Visited the victim; patrols continue.");

        assertEquals(303, recorded.statusCode(), recorded.asString());
        assertTrue(recorded.header("Location").endsWith(casePage + "?done=reviewed"), recorded.header("Location"));
        List<Row> events = db.events(reported.reference(), "CASE_REVIEW");
        assertEquals(1, events.size());
        assertFalse(events.get(0).bool("is_public"), "a review is internal");
        assertEquals(officer, events.get(0).string("actor"));
        assertTrue(db.auditAfter(auditBefore).contains(new Audit(officer, "CASE_REVIEW", reported.reference(), null)));
        browser.get(casePage + "?done=reviewed").then().statusCode(200)
                .body(containsString("Review recorded"))
                .body(containsString("Review due on " + site.longDate(TODAY.plusDays(31)) + "."));
        browser.get("/staff").then().statusCode(200).body(not(containsString(reported.reference())));
        Cases.track(reported).then().statusCode(200).body(not(containsString("Visited the victim")));
    }

    @Test
    void refusesAReviewWithoutANote() {
        String officer = newOfficer("VULNERABILITY_HUB");
        Case reported = Cases.reportInto("VULNERABILITY_HUB");
        holds(officer, reported);

        Response refused = StaffSession.signIn(officer).post("/staff/cases/" + reported.reference() + "/review", "note", "  ");

        assertEquals(400, refused.statusCode());
        refused.then().body(containsString("There is a problem"))
                .body(containsString("<a href=\"#note\">Write a short note of the review</a>"));
        assertEquals(List.of(), db.events(reported.reference(), "CASE_REVIEW"));
    }

    // ---------------------------------------------------------------- the daily digest

    @Test
    void emailsTheDigestOncePerDayOnlyToOfficersWithSomethingDue() {
        String busy = newOfficer("COUNCIL_ASB");
        String idle = newOfficer("COUNCIL_ASB");
        Case due = Cases.reportInto("COUNCIL_ASB");
        Case later = Cases.reportInto("COUNCIL_ASB");
        holds(busy, due);
        holds(idle, later);
        addAction(due, busy, TODAY.plusDays(1));
        addAction(later, idle, TODAY.plusDays(10));

        clock.fixAt(Instant.parse("2026-03-13T07:00:00Z"));
        digest.sendAll();
        digest.sendAll();

        List<Row> mails = digestsTo(busy);
        assertEquals(1, mails.size(), "one digest however often it runs in a day");
        String text = mails.get(0).string("body_text");
        assertTrue(text.contains(due.reference() + ": Action: Warning (verbal or written). Overdue by 1 day."), text);
        assertFalse(text.contains("Sam Resident") || text.contains("sam.resident") || text.contains("Mattresses"),
                "no personal details or case text in the digest: " + text);
        assertTrue(mails.get(0).string("subject").startsWith("Due today and overdue on your ASB cases"));
        assertEquals(List.of(), digestsTo(idle), "nothing due, no email");
        assertEquals(1, db.reports().count("SELECT COUNT(*) FROM task_digest d JOIN staff_account a ON a.id = d.account_id "
                + "WHERE a.username = ? AND d.sent_on = '2026-03-13'", busy));

        clock.fixAt(Instant.parse("2026-03-14T07:00:00Z"));
        digest.sendAll();
        assertEquals(2, digestsTo(busy).size(), "the next day's digest");
        assertEquals(List.of(), digestsTo(idle));
    }

    // ---------------------------------------------------------------- helpers

    /** A caseworker of the council who works {@code queue}, with an email address and the demonstration password. */
    private String newOfficer(String queue) {
        String username = "officer-" + ReportRequests.unique();
        db.reports().update("INSERT INTO staff_account (username, password_hash, display_name, email, organisation_id, roles, created_at) "
                + "SELECT ?, password_hash, ?, ?, organisation_id, 'CASEWORKER', ? FROM staff_account WHERE username = 'caseworker'",
                username, "Officer " + username, username + "@example.org", Timestamp.from(NOW));
        db.reports().update("INSERT INTO staff_queue_grant (account_id, queue_id) SELECT a.id, q.id FROM staff_account a, "
                + "triage_queue q WHERE a.username = ? AND q.code = ?", username, queue);
        return username;
    }

    /** Assigns the case to the officer, as an administrator does. */
    private static void holds(String officer, Case reported) {
        StaffApi.as("admin").body(StaffApi.json("version", 0, "assignee", officer))
                .when().post("/api/v1/cases/{reference}/assign", reported.reference()).then().statusCode(200);
    }

    /** An open warning on the case, owned by {@code owner}, due on {@code dueOn} (today or later by the clock now). */
    private static long addAction(Case reported, String owner, LocalDate dueOn) {
        Response added = StaffApi.as("admin").body(StaffApi.json("type", "WARNING", "description", "Letter to the household",
                "owner", owner, "dueOn", dueOn.toString())).when().post("/api/v1/cases/{reference}/actions", reported.reference());
        assertEquals(201, added.statusCode(), added.asString());
        return ((Number) added.path("id")).longValue();
    }

    private List<Row> digestsTo(String officer) {
        return db.reports().rows("SELECT * FROM outbox_message WHERE kind = 'TASK_DIGEST' AND recipient = ? ORDER BY id",
                officer + "@example.org");
    }
}
