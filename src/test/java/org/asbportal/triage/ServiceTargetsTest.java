package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Targets per kind of behaviour: set by an administrator (checked, audited, retired), and measured
 * on the staff targets page with the clock moved: what is past or near the target now, and the
 * share of cases closed within it month by month. The clock runs in 2031 so no other test's cases
 * fall in the months measured.
 */
@QuarkusTest
class ServiceTargetsTest {

    static final Instant RECEIVED = Instant.parse("2031-05-05T09:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;
    StaffSession admin;
    Long target;
    long auditStart;

    @BeforeEach
    void setUp() {
        db = new TriageRows(dataSource);
        clock.fixAt(RECEIVED);
        admin = StaffSession.signIn("admin");
        auditStart = db.lastAuditId();
    }

    @AfterEach
    void tearDown() {
        if (target != null) {
            StaffSession.signIn("admin").post("/admin/targets/" + target + "/retire", Map.of());
        }
        clock.useSystemTime();
    }

    @Test
    void refusesATargetWithoutItsKindHoursOrPromiseAndSavesNothing() {
        long before = db.reports().rows("SELECT COUNT(*) AS n FROM service_target").get(0).number("n");

        Response refused = admin.post("/admin/targets/new", Map.of("category", "", "ward", "NO_SUCH_WARD", "hours", "a day",
                "description", ""));

        refused.then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("Choose the kind of behaviour the target is for"))
                .body(containsString("Choose a ward from the list, or the whole area"))
                .body(containsString("Enter the number of hours as a whole number, like 24"))
                .body(containsString("Say what the target promises"));
        admin.post("/admin/targets/new", Map.of("category", "FLY_TIPPING", "ward", "", "hours", "0",
                "description", "Never")).then().statusCode(400).body(containsString("Enter a number of hours from 1 to 8,760"));
        assertEquals(before, db.reports().rows("SELECT COUNT(*) AS n FROM service_target").get(0).number("n"));
    }

    @Test
    void measuresWhatIsDueAndTheShareMetWithTheClockMoved() {
        String promise = "Fly-tipping cleared within 24 hours " + System.nanoTime();
        Response added = admin.post("/admin/targets/new", Map.of("category", "FLY_TIPPING", "ward", "", "hours", "24",
                "description", promise));
        assertEquals(303, added.statusCode(), added.asString());
        assertTrue(added.header("Location").endsWith("/admin/targets?saved=added"));
        target = db.reports().rows("SELECT id FROM service_target WHERE description = ?", promise).get(0).number("id");
        assertTrue(db.auditAfter(auditStart).contains(new Audit("admin", "ADD_TARGET", null, target + " FLY_TIPPING 24h")));
        admin.get("/admin/targets?saved=added").then().statusCode(200).body(containsString(promise))
                .body(containsString("Target added."));

        Case quick = Cases.reportInto("COUNCIL_ASB");
        Case slow = Cases.reportInto("COUNCIL_ASB");
        Case waiting = Cases.reportInto("COUNCIL_ASB");

        clock.fixAt(RECEIVED.plus(Duration.ofHours(2)));
        close(quick);
        clock.fixAt(RECEIVED.plus(Duration.ofHours(23)));
        Document early = page("caseworker");
        assertEquals("2 due within 24 hours", early.getElementById("target-" + target + "-open").text(),
                "two cases still open an hour before the target; the third was closed");
        // The slow case is still open but not yet due: it is not measured yet, nor is the waiting one.
        assertEquals(List.of("2031-05", "1", "1", "100%"), month(early, "2031-05"));

        clock.fixAt(RECEIVED.plus(Duration.ofHours(30)));
        close(slow);
        Document late = page("caseworker");
        assertEquals("1 past the target", late.getElementById("target-" + target + "-open").text());
        assertTrue(late.getElementById("target-" + target + "-due").text().contains(waiting.reference()),
                "the caseworker, who works the queue, is shown the case past its target");
        assertEquals(List.of("2031-05", "3", "1", "33%"), month(late, "2031-05"),
                "quick met it; slow was closed late; waiting is past it and open");
        assertEquals("0", month(late, "2031-04").get(1), "nothing measured the month before");
        assertEquals(12, late.select("tr[id^=target-" + target + "-20]").size(), "twelve months shown");

        // Officers of other queues see the counts but not the case.
        Document police = page("police");
        assertTrue(police.getElementById("target-" + target + "-due") == null
                || !police.getElementById("target-" + target + "-due").text().contains(waiting.reference()));

        close(waiting); // so the queue's newest open cases are not this test's, years ahead
        for (String who : List.of("triage", "caseworker", "coordinator", "councillor")) {
            StaffSession officer = StaffSession.signIn(who);
            officer.get("/admin/targets/" + target + "/retire").then().statusCode(403);
            officer.post("/admin/targets/" + target + "/retire", Map.of()).then().statusCode(403);
        }
        assertTrue(db.reports().rows("SELECT active FROM service_target WHERE id = ?", target).get(0).bool("active"),
                "only an administrator retires a target");
        StaffSession.signIn("admin").get("/admin/targets/" + target + "/retire").then().statusCode(200)
                .body(containsString(promise));
        Response retired = StaffSession.signIn("admin").post("/admin/targets/" + target + "/retire", Map.of());
        assertEquals(303, retired.statusCode());
        assertTrue(db.auditAfter(auditStart).contains(new Audit("admin", "RETIRE_TARGET", null, String.valueOf(target))));
        assertTrue(page("caseworker").getElementById("target-" + target + "-open") == null, "a retired target is not shown");
        target = null;
    }

    @Test
    void showsTheTargetsPageOnlyToStaffWhoWorkCases() {
        StaffSession.signIn("caseworker").get("/staff/targets").then().statusCode(200)
                .body(containsString("<h1 class=\"govuk-heading-xl\">Targets</h1>"));
        for (String who : List.of("coordinator", "reviewer", "councillor")) {
            StaffSession.signIn(who).get("/staff/targets").then().statusCode(403);
        }
        assertEquals(302, StaffSession.anonymous().get("/staff/targets").statusCode());
    }

    private void close(Case kase) {
        as("caseworker").body(json("version", 0)).when().post("/api/v1/cases/{reference}/claim", kase.reference())
                .then().statusCode(200);
        as("caseworker").body(json("version", 1, "outcome", "RESOLVED"))
                .when().post("/api/v1/cases/{reference}/close", kase.reference()).then().statusCode(200);
    }

    private static Document page(String who) {
        Response response = StaffSession.signIn(who).get("/staff/targets");
        assertEquals(200, response.statusCode(), response.asString());
        return Jsoup.parse(response.asString());
    }

    private List<String> month(Document page, String month) {
        return page.getElementById("target-" + target + "-" + month).children().eachText();
    }
}
