package org.asbportal.triage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Response templates: administrators add, edit and retire them (audited); an officer of the queue
 * starts a public update from one, its placeholders filled from the case and the officer.
 */
@QuarkusTest
class ResponseTemplatesTest {

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    @Test
    void anAdministratorAddsEditsAndRetiresATemplateEachAudited() {
        StaffSession admin = StaffSession.signIn("admin");
        String title = "Visit booked " + ReportRequests.unique();

        Response added = admin.post("/admin/response-templates/new", "queue", "COUNCIL_ASB", "title", title,
                "body", "We will visit about {reference}.");
        assertEquals(303, added.statusCode(), added.asString());
        assertTrue(added.header("Location").endsWith("/admin/response-templates?saved=added"));
        long id = template(title).number("id");
        admin.get("/admin/response-templates?saved=added").then().statusCode(200)
                .body(containsString("Response template added")).body(containsString(title));

        admin.post("/admin/response-templates/" + id, "queue", "COUNCIL_ASB", "title", title, "body", "Changed {officer}.")
                .then().statusCode(303);
        assertEquals("Changed {officer}.", template(title).string("body"));

        admin.post("/admin/response-templates/" + id + "/retire", java.util.Map.of()).then().statusCode(303);
        assertTrue(template(title).bool("retired"));

        List<String> actions = db.reports().rows("SELECT action FROM audit_entry WHERE actor = 'admin' AND detail LIKE ? ORDER BY id",
                "% response template " + id + " %").stream().map(r -> r.string("action")).toList();
        assertEquals(List.of("ADMIN_CREATE_RESPONSE_TEMPLATE", "ADMIN_UPDATE_RESPONSE_TEMPLATE", "ADMIN_RETIRE_RESPONSE_TEMPLATE"),
                actions);
    }

    @Test
    void refusesATemplateWithoutQueueTitleOrText() {
        StaffSession.signIn("admin").post("/admin/response-templates/new", "queue", "", "title", "", "body", " ")
                .then().statusCode(400)
                .body(containsString("<a href=\"#queue\">Choose the queue the template is for</a>"))
                .body(containsString("<a href=\"#title\">Enter a title for the template</a>"))
                .body(containsString("<a href=\"#body\">Enter the text of the update</a>"));
    }

    @Test
    void onlyAdministratorsMayKeepTemplates() {
        StaffSession triage = StaffSession.signIn("triage");
        assertEquals(403, triage.get("/admin/response-templates").statusCode());
        long before = db.reports().rows("SELECT COUNT(*) AS n FROM response_template").get(0).number("n");
        assertEquals(403, triage.post("/admin/response-templates/new", "queue", "COUNCIL_ASB", "title", "Mine", "body", "Text")
                .statusCode());
        assertEquals(before, db.reports().rows("SELECT COUNT(*) AS n FROM response_template").get(0).number("n"));
    }

    @Test
    void anOfficerStartsAPublicUpdateFromATemplateWithItsPlaceholdersFilled() {
        String title = "Looking into it " + ReportRequests.unique();
        StaffSession.signIn("admin").post("/admin/response-templates/new", "queue", "COUNCIL_ASB", "title", title,
                "body", "Report {reference}: {officer} will update you by {next_date}.").then().statusCode(303);
        long id = template(title).number("id");
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");

        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("<label class=\"govuk-label govuk-label--s\" for=\"template\">Use a template</label>"))
                .body(containsString("<option value=\"" + id + "\">" + title + "</option>"));

        caseworker.get("/staff/cases/" + reported.reference() + "?template=" + id).then().statusCode(200)
                .body(containsString(">Report " + reported.reference() + ": Cass Worker will update you by [next date].</textarea>"))
                .body(containsString("value=\"public\" checked"));

        caseworker.post("/staff/cases/" + reported.reference() + "/updates", "text",
                "Report " + reported.reference() + ": Cass Worker will update you by Friday.", "visibility", "public")
                .then().statusCode(303);
        assertEquals(1, db.events(reported.reference(), "PUBLIC_UPDATE").size());
    }

    @Test
    void anotherQueuesOrARetiredTemplateIsNotOffered() {
        StaffSession admin = StaffSession.signIn("admin");
        String police = "Police only " + ReportRequests.unique();
        admin.post("/admin/response-templates/new", "queue", "POLICE_NEIGHBOURHOOD", "title", police, "body", "{reference}")
                .then().statusCode(303);
        long policeId = template(police).number("id");
        Case reported = Cases.reportInto("COUNCIL_ASB");

        StaffSession.signIn("caseworker").get("/staff/cases/" + reported.reference() + "?template=" + policeId).then()
                .statusCode(200)
                .body(not(containsString(police)))
                .body(containsString("<textarea class=\"govuk-textarea\" id=\"text\" name=\"text\" rows=\"4\"></textarea>"));
    }

    private Row template(String title) {
        return db.reports().rows("SELECT * FROM response_template WHERE title = ?", title).get(0);
    }
}
