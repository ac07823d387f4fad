package org.asbportal.admin;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.TriageRows.Audit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Administrators add and rename organisations; codes are unique and written in capitals. */
@QuarkusTest
class AdminOrganisationsTest {

    @Inject
    AgroalDataSource dataSource;

    AdminRows db;
    StaffSession admin;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        admin = StaffSession.signIn("admin");
    }

    @Test
    void addsAndRenamesAnOrganisationAndAuditsBoth() {
        String code = "TRUST_" + ReportRequests.unique().toUpperCase();
        long auditBefore = db.lastAuditId();
        admin.get("/admin/organisations/new").then().statusCode(200);

        Response created = admin.post("/admin/organisations/new", "code", code, "name", "Housing trust");

        assertEquals(303, created.statusCode(), created.asString());
        assertTrue(created.header("Location").endsWith("/admin/organisations?saved=" + code));
        long id = db.rows("SELECT id FROM organisation WHERE code = ?", code).get(0).number("id");
        admin.get("/admin/organisations").then().statusCode(200)
                .body(containsString("href=\"/admin/organisations/" + id + "\">Housing trust"));

        Response renamed = admin.post("/admin/organisations/" + id, "name", "Riverside housing trust");

        assertEquals(303, renamed.statusCode(), renamed.asString());
        assertEquals("Riverside housing trust", db.rows("SELECT name FROM organisation WHERE id = ?", id).get(0).string("name"));
        List<Audit> audit = db.auditAfter(auditBefore);
        assertEquals(List.of("ADMIN_CREATE_ORGANISATION", "ADMIN_RENAME_ORGANISATION"),
                audit.stream().filter(a -> a.detail() != null && a.detail().contains(code)).map(Audit::action).toList());
        assertTrue(audit.stream().allMatch(a -> a.actor().equals("admin")));
    }

    @Test
    void refusesADuplicateOrBadlyWrittenCodeAndAnEmptyName() {
        admin.get("/admin/organisations/new").then().statusCode(200);
        int before = db.count("SELECT COUNT(*) FROM organisation");

        Response duplicate = admin.post("/admin/organisations/new", "code", "POLICE", "name", "Police again");
        Response lowerCase = admin.post("/admin/organisations/new", "code", "police-2", "name", "");

        assertEquals(400, duplicate.statusCode());
        duplicate.then().body(containsString("<a href=\"#code\">An organisation with the code POLICE already exists</a>"));
        assertEquals(400, lowerCase.statusCode());
        lowerCase.then().body(containsString("<a href=\"#code\">The code must only use capital letters A to Z, digits and underscores"))
                .body(containsString("<a href=\"#name\">Enter the organisation&#39;s name</a>"))
                .body(containsString("value=\"police-2\""));
        assertEquals(before, db.count("SELECT COUNT(*) FROM organisation"));
    }

    @Test
    void anUnknownOrganisationIsAPageNotFound() {
        admin.get("/admin/organisations/99999999").then().statusCode(404);
        admin.get("/admin/organisations/x").then().statusCode(404);
        admin.post("/admin/organisations/99999999", "name", "Nobody").then().statusCode(404);
    }
}
