package org.asbportal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.contact.ContactService;
import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.ReferenceDataChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Administrators keep the contact directory, and residents see the changes on the contact page. */
@QuarkusTest
class AdminDirectoryTest {

    @Inject
    AgroalDataSource dataSource;

    AdminRows db;
    StaffSession admin;
    String code;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        admin = StaffSession.signIn("admin");
        code = "FIRE_" + ReportRequests.unique().toUpperCase();
    }

    /** Other tests list the directory: the entry added here leaves with the test. */
    @AfterEach
    void removeTestAgency() {
        db.update("DELETE FROM agency WHERE code = ?", code);
        ReferenceDataChanges.changedElsewhere(dataSource, ContactService.DIRECTORY);
    }

    @Test
    void addsAnAgencyResidentsSeeAndEditsItsContactDetailsAndCategories() {
        long auditBefore = db.lastAuditId();
        admin.get("/admin/directory/new").then().statusCode(200);

        Response created = admin.postRepeated("/admin/directory/new", Map.of("code", List.of(code), "name", List.of("Fire and rescue " + code),
                "handles", List.of("Fires set on purpose and fireworks"), "phone", List.of("01632 960999"),
                "website", List.of("https://www.example.org/fire"), "urgency", List.of("URGENT"), "sortOrder", List.of("60"),
                "categories", List.of("FIREWORKS", "GRAFFITI_DAMAGE")));

        assertEquals(303, created.statusCode(), created.asString());
        long id = db.rows("SELECT id FROM agency WHERE code = ?", code).get(0).number("id");
        assertEquals(List.of("FIREWORKS", "GRAFFITI_DAMAGE"), categoriesOf(id));
        given().accept("text/html").get("/contact").then().statusCode(200)
                .body(containsString("Fire and rescue " + code)).body(containsString("01632 960999"));

        Response edited = admin.postRepeated("/admin/directory/" + id, Map.of("name", List.of("Fire and rescue " + code),
                "handles", List.of("Fires set on purpose"), "phone", List.of("01632 960888"), "urgency", List.of("ROUTINE"),
                "sortOrder", List.of("61"), "categories", List.of("FIREWORKS")));

        assertEquals(303, edited.statusCode(), edited.asString());
        assertEquals(List.of("FIREWORKS"), categoriesOf(id));
        given().accept("text/html").get("/contact").then().statusCode(200)
                .body(containsString("01632 960888")).body(not(containsString("01632 960999")));
        admin.get("/admin/directory/" + id).then().statusCode(200)
                .body(containsString("value=\"FIREWORKS\" checked"))
                .body(not(containsString("value=\"GRAFFITI_DAMAGE\" checked")));
        List<Audit> audit = db.auditAfter(auditBefore);
        assertEquals(List.of("ADMIN_CREATE_AGENCY", "ADMIN_UPDATE_AGENCY"), audit.stream().map(Audit::action)
                .filter(a -> a.startsWith("ADMIN_")).toList());
        assertTrue(audit.get(audit.size() - 1).detail().contains("phone 01632 960999")
                && audit.get(audit.size() - 1).detail().contains("-> name"), audit.get(audit.size() - 1).detail());
    }

    @Test
    void refusesBadContactDetailsListingEveryProblem() {
        admin.get("/admin/directory/new").then().statusCode(200);

        Response response = admin.postRepeated("/admin/directory/new", Map.of("code", List.of("POLICE_101"), "name", List.of(""),
                "handles", List.of("Something"), "phone", List.of("call us"), "email", List.of("not-an-email"),
                "website", List.of("javascript:alert(1)"), "sortOrder", List.of("first"), "categories", List.of("NOT_A_CATEGORY")));

        assertEquals(400, response.statusCode());
        response.then()
                .body(containsString("<a href=\"#code\">An agency with the code POLICE_101 already exists</a>"))
                .body(containsString("<a href=\"#name\">Enter the agency&#39;s name</a>"))
                .body(containsString("<a href=\"#phone\">Enter a telephone number using digits"))
                .body(containsString("<a href=\"#email\">Enter an email address in the correct format"))
                .body(containsString("<a href=\"#website\">Enter a website address starting with https://"))
                .body(containsString("<a href=\"#urgency\">Choose how urgent the things they handle are</a>"))
                .body(containsString("<a href=\"#sortOrder\">Position in the directory must be a whole number from 0 to 10000</a>"))
                .body(containsString("<a href=\"#categories\">Choose kinds of behaviour from the list</a>"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM agency WHERE name = ''"));
    }

    @Test
    void anUnknownAgencyIsAPageNotFound() {
        admin.get("/admin/directory/99999999").then().statusCode(404);
        admin.post("/admin/directory/abc", "name", "x").then().statusCode(404);
    }

    private List<String> categoriesOf(long id) {
        return db.rows("SELECT category_code FROM agency_category WHERE agency_id = ? ORDER BY category_code", id).stream()
                .map(r -> r.string("category_code")).toList();
    }
}
