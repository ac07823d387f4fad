package org.asbportal.triage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An officer's saved queue filters: saved under a name, shown to them alone as links, deleted by them alone. */
@QuarkusTest
class SavedFiltersTest {

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    @Test
    void savesTheCurrentFilterAndOrderAsALinkForTheOfficerAlone() {
        String name = "High risk newest " + ReportRequests.unique();
        StaffSession caseworker = StaffSession.signIn("caseworker");

        Response saved = caseworker.post("/staff/queues/COUNCIL_ASB/filters", "name", name,
                "back", "status=open&risk=HIGH&sort=newest&bogus=1");

        assertEquals(303, saved.statusCode(), saved.asString());
        assertTrue(saved.header("Location").endsWith("/staff/queues/COUNCIL_ASB?status=open&risk=HIGH&sort=newest&filter=saved"),
                saved.header("Location"));
        caseworker.get("/staff/queues/COUNCIL_ASB?filter=saved").then().statusCode(200)
                .body(containsString("Filter saved"))
                .body(containsString("<a class=\"govuk-link\" href=\"/staff/queues/COUNCIL_ASB?status=open&amp;risk=HIGH&amp;sort=newest\">"
                        + name + "</a>"));
        StaffSession.signIn("triage").get("/staff/queues/COUNCIL_ASB").then().statusCode(200).body(not(containsString(name)));
        assertTrue(db.auditAfter(0).stream().anyMatch(a -> a.actor().equals("caseworker") && a.action().equals("SAVE_FILTER")));
    }

    @Test
    void refusesAFilterWithoutANameOrWithOneAlreadyUsed() {
        StaffSession caseworker = StaffSession.signIn("caseworker");
        String name = "Mine " + ReportRequests.unique();
        caseworker.post("/staff/queues/COUNCIL_ASB/filters", "name", " ", "back", "").then().statusCode(400)
                .body(containsString("<a href=\"#filter-name\">Enter a name for the filter</a>"));
        caseworker.post("/staff/queues/COUNCIL_ASB/filters", "name", name, "back", "").then().statusCode(303);
        caseworker.post("/staff/queues/COUNCIL_ASB/filters", "name", name, "back", "").then().statusCode(400)
                .body(containsString("You already have a filter called " + name));
    }

    @Test
    void onlyItsOwnerDeletesAFilter() {
        String name = "Overdue " + ReportRequests.unique();
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.post("/staff/queues/COUNCIL_ASB/filters", "name", name, "back", "overdue=true").then().statusCode(303);
        long id = db.reports().rows("SELECT id FROM saved_queue_filter WHERE name = ?", name).get(0).number("id");

        assertEquals(404, StaffSession.signIn("triage").post("/staff/queues/COUNCIL_ASB/filters/" + id + "/delete", Map.of())
                .statusCode());
        assertEquals(1, db.reports().rows("SELECT id FROM saved_queue_filter WHERE id = ?", id).size());

        Response deleted = caseworker.post("/staff/queues/COUNCIL_ASB/filters/" + id + "/delete", Map.of());
        assertEquals(303, deleted.statusCode());
        assertEquals(0, db.reports().rows("SELECT id FROM saved_queue_filter WHERE id = ?", id).size());
    }
}
