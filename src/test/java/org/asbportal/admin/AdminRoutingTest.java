package org.asbportal.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Router;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Administrators add queues and edit the routing rules, and new reports follow them: a rule added on
 * the page changes where a report submitted to the API goes; the catch-all rule cannot be lost.
 */
@QuarkusTest
class AdminRoutingTest {

    /** Begging in Kempston Rural: no other test routes reports there by a rule of its own. */
    static final String CATEGORY = "BEGGING";
    static final String WARD = "E36001590";

    @Inject
    ReferenceData reference;

    @Inject
    AgroalDataSource dataSource;

    AdminRows db;
    StaffSession admin;
    String description;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        admin = StaffSession.signIn("admin");
        description = "Test rule " + ReportRequests.unique();
    }

    /** Rules this test added must not route other tests' reports. */
    @AfterEach
    void removeTestRules() {
        if (db.update("DELETE FROM routing_rule WHERE description = ?", description) > 0) {
            reference.forget(Router.ROUTING);
        }
    }

    @Test
    void aRuleAddedOnThePageRoutesNewReportsToItsQueueUntilItIsDeleted() {
        String queue = "PARKS_" + ReportRequests.unique().toUpperCase();
        admin.get("/admin/queues/new").then().statusCode(200);
        Response createdQueue = admin.post("/admin/queues/new", "code", queue, "name", "Parks team " + queue,
                "description", "Parks and open spaces", "organisation", "COUNCIL");
        assertEquals(303, createdQueue.statusCode(), createdQueue.asString());
        assertEquals("POLICE_NEIGHBOURHOOD", submitBegging(WARD));
        long auditBefore = db.lastAuditId();

        admin.get("/admin/routing/new").then().statusCode(200);
        Response createdRule = admin.post("/admin/routing/new", "priority", "1", "description", description,
                "queue", queue, "category", CATEGORY, "minRisk", "", "ward", WARD, "hateMotivated", "any",
                "youngPeople", "any", "vulnerableVictim", "any", "unverified", "any");

        assertEquals(303, createdRule.statusCode(), createdRule.asString());
        assertTrue(createdRule.header("Location").endsWith("/admin/routing?saved=created"));
        assertEquals(queue, submitBegging(WARD), "begging in the rule's ward");
        assertEquals("POLICE_NEIGHBOURHOOD", submitBegging("E36001578"), "begging in another ward");
        admin.get("/admin/routing").then().statusCode(200).body(containsString(description))
                .body(containsString("kind: Begging; ward: Kempston Rural"));
        List<Audit> created = db.auditAfter(auditBefore, "ADMIN_CREATE_RULE");
        assertEquals(1, created.size());
        assertTrue(created.get(0).detail().contains("category BEGGING") && created.get(0).detail().contains("-> queue " + queue),
                created.get(0).detail());

        long id = ruleId();
        admin.get("/admin/routing/" + id + "/delete").then().statusCode(200).body(containsString("Delete routing rule"));
        Response deleted = admin.post("/admin/routing/" + id + "/delete");

        assertEquals(303, deleted.statusCode(), deleted.asString());
        assertEquals("POLICE_NEIGHBOURHOOD", submitBegging(WARD), "after the rule was deleted");
        assertEquals(1, db.auditAfter(auditBefore, "ADMIN_DELETE_RULE").size());
    }

    @Test
    void editingARuleChangesItsQueueAndKeepsItsOtherConditions() {
        admin.get("/admin/routing/new").then().statusCode(200);
        assertEquals(303, admin.post("/admin/routing/new", "priority", "2", "description", description, "queue", "COUNCIL_ASB",
                "category", CATEGORY, "ward", WARD, "youngPeople", "no").statusCode());
        assertEquals("COUNCIL_ASB", submitBegging(WARD));
        long id = ruleId();
        admin.get("/admin/routing/" + id).then().statusCode(200)
                .body(containsString("id=\"youngPeople-no\" name=\"youngPeople\" type=\"radio\" value=\"no\" checked"));

        Response edited = admin.post("/admin/routing/" + id, "priority", "2", "description", description, "queue", "HOUSING_PROVIDERS",
                "category", CATEGORY, "ward", WARD, "youngPeople", "no");

        assertEquals(303, edited.statusCode(), edited.asString());
        assertEquals("HOUSING_PROVIDERS", submitBegging(WARD));
        assertEquals(false, db.rows("SELECT young_people FROM routing_rule WHERE id = ?", id).get(0).bool("young_people"));
    }

    @Test
    void refusesARuleWithAPriorityThatIsNotAWholeNumberOrAnUnknownQueue() {
        admin.get("/admin/routing/new").then().statusCode(200);
        int before = db.count("SELECT COUNT(*) FROM routing_rule");

        Response response = admin.post("/admin/routing/new", "priority", "1.5", "description", description,
                "queue", "NO_SUCH_QUEUE", "category", "NOT_A_CATEGORY", "hateMotivated", "maybe");

        assertEquals(400, response.statusCode());
        response.then().body(containsString("<a href=\"#priority\">Priority must be a whole number from 0 to 1000000</a>"))
                .body(containsString("<a href=\"#queue\">Choose the queue the rule sends reports to</a>"))
                .body(containsString("<a href=\"#category\">Choose a kind of behaviour from the list, or any</a>"))
                .body(containsString("<a href=\"#hateMotivated\">Choose any, yes or no</a>"))
                .body(containsString("value=\"1.5\""));
        assertEquals(before, db.count("SELECT COUNT(*) FROM routing_rule"));
    }

    @Test
    void theLastCatchAllRuleCanBeNeitherDeletedNorNarrowed() {
        long catchAll = db.rows("SELECT id FROM routing_rule WHERE priority = 1000").get(0).number("id");
        admin.get("/admin/routing").then().statusCode(200).body(containsString("Catch-all"));

        Response deleted = admin.post("/admin/routing/" + catchAll + "/delete");
        Response narrowed = admin.post("/admin/routing/" + catchAll, "priority", "1000",
                "description", "Catch-all: anything no other rule covers", "queue", "MANUAL_CHECK", "category", "NOISE");

        assertEquals(400, deleted.statusCode());
        deleted.then().body(containsString(RoutingAdminService.KEEP_CATCH_ALL));
        assertEquals(400, narrowed.statusCode());
        narrowed.then().body(containsString(RoutingAdminService.KEEP_CATCH_ALL));
        assertEquals(null, db.rows("SELECT category_code FROM routing_rule WHERE id = ?", catchAll).get(0).get("category_code"));
    }

    @Test
    void anUnknownRuleOrQueueIsAPageNotFound() {
        admin.get("/admin/routing/99999999").then().statusCode(404);
        admin.get("/admin/routing/abc/delete").then().statusCode(404);
        admin.post("/admin/routing/99999999/delete").then().statusCode(404);
        admin.get("/admin/queues/99999999").then().statusCode(404);
        admin.post("/admin/queues/x", "name", "x").then().statusCode(404);
    }

    @Test
    void editsAQueueAndRefusesADuplicateCode() {
        admin.get("/admin/queues/new").then().statusCode(200);
        Response duplicate = admin.post("/admin/queues/new", "code", "COUNCIL_ASB", "name", "Again", "description", "Again",
                "organisation", "COUNCIL");
        assertEquals(400, duplicate.statusCode());
        duplicate.then().body(containsString("<a href=\"#code\">A queue with the code COUNCIL_ASB already exists</a>"));

        String code = "EDIT_" + ReportRequests.unique().toUpperCase();
        assertEquals(303, admin.post("/admin/queues/new", "code", code, "name", "Before", "description", "Queue to edit",
                "organisation", "COUNCIL").statusCode());
        long id = db.rows("SELECT id FROM triage_queue WHERE code = ?", code).get(0).number("id");
        long auditBefore = db.lastAuditId();

        Response empty = admin.post("/admin/queues/" + id, "name", "", "description", "Queue to edit", "organisation", "NOPE");
        Response edited = admin.post("/admin/queues/" + id, "name", "After", "description", "Queue to edit", "organisation", "HOUSING");

        assertEquals(400, empty.statusCode());
        empty.then().body(containsString("<a href=\"#name\">Enter the queue&#39;s name</a>"))
                .body(containsString("<a href=\"#organisation\">Choose the organisation whose staff work the queue</a>"));
        assertEquals(303, edited.statusCode(), edited.asString());
        admin.get("/admin/queues").then().statusCode(200).body(containsString(">After</a>")).body(not(containsString(">Before</a>")));
        assertEquals("HOUSING", db.rows("SELECT o.code FROM triage_queue q JOIN organisation o ON o.id = q.organisation_id "
                + "WHERE q.id = ?", id).get(0).string("code"));
        List<Audit> audit = db.auditAfter(auditBefore, "ADMIN_UPDATE_QUEUE");
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).detail().contains("name Before; organisation COUNCIL -> name After; organisation HOUSING"),
                audit.get(0).detail());
    }

    @Test
    void aQueueRenamedOnThePageIsNamedSoInTheNextReportRoutedToIt() {
        String code = "RENAME_" + ReportRequests.unique().toUpperCase();
        assertEquals(303, admin.post("/admin/queues/new", "code", code, "name", "Before", "description", "Queue to rename",
                "organisation", "COUNCIL").statusCode());
        assertEquals(303, admin.post("/admin/routing/new", "priority", "3", "description", description, "queue", code,
                "category", CATEGORY, "ward", WARD).statusCode());
        assertEquals("Before", submitBeggingQueueName(WARD));
        long id = db.rows("SELECT id FROM triage_queue WHERE code = ?", code).get(0).number("id");

        assertEquals(303, admin.post("/admin/queues/" + id, "name", "After", "description", "Queue to rename",
                "organisation", "COUNCIL").statusCode());

        assertEquals("After", submitBeggingQueueName(WARD));
    }

    /** Residents are told the agency working their report; an agency renamed is named so in the next report's receipt. */
    @Test
    void anAgencyRenamedIsNamedSoToTheNextResidentRoutedToIt() {
        String suffix = ReportRequests.unique().toUpperCase();
        assertEquals(303, admin.post("/admin/organisations/new", "code", "AGENCY_" + suffix, "name", "Before agency").statusCode());
        String code = "AGENCY_QUEUE_" + suffix;
        assertEquals(303, admin.post("/admin/queues/new", "code", code, "name", "Internal team name", "description",
                "Queue of a renamed agency", "organisation", "AGENCY_" + suffix).statusCode());
        assertEquals(303, admin.post("/admin/routing/new", "priority", "3", "description", description, "queue", code,
                "category", CATEGORY, "ward", WARD).statusCode());
        assertThat(receiptOfBegging(WARD)).contains("Your report has gone to Before agency.").doesNotContain("Internal team name");
        long id = db.rows("SELECT id FROM organisation WHERE code = ?", "AGENCY_" + suffix).get(0).number("id");

        assertEquals(303, admin.post("/admin/organisations/" + id, "name", "After agency").statusCode());

        assertThat(receiptOfBegging(WARD)).contains("Your report has gone to After agency.");
    }

    /** The text of the receipt emailed for a begging report in the ward, sent through the JSON API. */
    private String receiptOfBegging(String ward) {
        String body = ReportRequests.valid().with("categoryCode", CATEGORY).with("location.wardCode", ward).json();
        String reference = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/api/v1/reports").then().statusCode(201).extract().path("reference");
        return db.rows("SELECT body_text FROM outbox_message WHERE report_reference = ? AND kind = 'REPORT_RECEIVED'", reference)
                .get(0).string("body_text");
    }

    private static String submitBeggingQueueName(String ward) {
        String body = ReportRequests.valid().with("categoryCode", CATEGORY).with("location.wardCode", ward).json();
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/api/v1/reports").then().statusCode(201).extract().path("queueName");
    }

    private long ruleId() {
        return db.rows("SELECT id FROM routing_rule WHERE description = ?", description).get(0).number("id");
    }

    /** Submits a begging report in the ward through the JSON API and answers the queue it was routed to. */
    private static String submitBegging(String ward) {
        String body = ReportRequests.valid().with("categoryCode", CATEGORY).with("location.wardCode", ward).json();
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .post("/api/v1/reports").then().statusCode(201).extract().path("queue");
    }
}
