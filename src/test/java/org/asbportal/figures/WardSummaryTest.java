package org.asbportal.figures;

import static org.asbportal.security.StaffApi.PROBLEM_JSON;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardLocator;

/** Ward summaries as JSON, page and CSV: the counts, what is withheld, and who may see them. */
@QuarkusTest
class WardSummaryTest {

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    /** The current month by the portal's clock, which every test fixes at {@link TestDates#NOW}. */
    private static final String CURRENT = TestDates.month().toString();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @Test
    void summaryCombinesPortalReportsAndPoliceIncidentsByMonthAndKind() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        WardFixtures.reports(ward, 6, "ENVIRONMENTAL_HEALTH");
        WardFixtures.reports(ward, 2, "COUNCIL_ASB");
        WardFixtures.police(ward, CURRENT, 7, "On or near Market Square");

        StaffApi.as("admin").get("/api/v1/wards/{code}/summary", ward.code()).then().statusCode(200)
                .body("ward.code", equalTo(ward.code()))
                .body("ward.name", equalTo(ward.name()))
                .body("to", equalTo(CURRENT))
                .body("from", equalTo(TestDates.month().minusMonths(11).toString()))
                .body("total", equalTo(15))
                .body("bySource.portal", equalTo(8))
                .body("bySource.police", equalTo(7))
                .body("byMonth", hasSize(12))
                .body("byMonth[11].month", equalTo(CURRENT))
                .body("byMonth[11].portal", equalTo(8))
                .body("byMonth[11].police", equalTo(7))
                .body("byMonth[0].portal", equalTo(0))
                .body("byCategory.find { it.code == 'NOISE' }.count", equalTo(6))
                .body("byCategory.find { it.code == 'POLICE_RECORDED' }.count", equalTo(7))
                .body("status.open", equalTo(8))
                .body("status.closed", equalTo(0))
                .body("risk.find { it.level == 'STANDARD' }.count", equalTo(8))
                .body("topLocations[0].location", equalTo("On or near Market Square"))
                .body("topLocations[0].count", equalTo(7))
                .body("triggerApplications.count", equalTo(0))
                .body("pattern", hasSize(7))
                .body("pattern[0].hours", hasSize(24));
    }

    @Test
    void countsBelowTheThresholdAreWithheldEverywhere() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        WardFixtures.reports(ward, 2, "COUNCIL_ASB");
        WardFixtures.police(ward, CURRENT, 5, "On or near Quiet Lane");
        WardFixtures.police(ward, TestDates.month().minusMonths(1).toString(), 3, "On or near Other Lane");

        StaffApi.as("admin").get("/api/v1/wards/{code}/summary", ward.code()).then().statusCode(200)
                .body("threshold", equalTo(5))
                .body("total", equalTo(10))
                .body("suppressed", equalTo(false))
                .body("bySource.portal", nullValue())
                .body("bySource.police", equalTo(8))
                .body("bySource.suppressed", equalTo(true))
                .body("byMonth[11].portal", nullValue())
                .body("byMonth[11].police", equalTo(5))
                .body("byMonth[11].suppressed", equalTo(true))
                .body("byMonth[10].police", nullValue())
                .body("byCategory.find { it.code == 'FLY_TIPPING' }.count", nullValue())
                .body("byCategory.find { it.code == 'FLY_TIPPING' }.suppressed", equalTo(true))
                .body("status.open", nullValue())
                .body("topLocations.location", contains("On or near Quiet Lane"));

        StaffSession.signIn("admin").get("/wards/{code}", ward.code()).then().statusCode(200)
                .body(containsString("fewer than 5"))
                .body(not(containsString("On or near Other Lane")));
        csv(StaffSession.signIn("admin"), "/wards/" + ward.code() + "/summary.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("source,portal,reports,fewer than 5"))
                .body(containsString("source,police,incidents,8"));
    }

    @Test
    void aWardWithVeryFewIncidentsHasItsTotalWithheld() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        WardFixtures.police(ward, CURRENT, 1, "On or near Lonely Road");

        StaffApi.as("triage").get("/api/v1/wards/{code}/summary", ward.code()).then().statusCode(200)
                .body("total", nullValue())
                .body("suppressed", equalTo(true))
                .body("topLocations", hasSize(0));
    }

    @Test
    void councillorsSeeTheirOwnWardsOnlyAndTheirReadsAreAudited() throws SQLException {
        StaffApi.as("councillor").get("/api/v1/wards/E36001578/summary").then().statusCode(200)
                .body("ward.name", equalTo("Castle"));
        StaffApi.as("councillor").get("/api/v1/wards/E36001576/summary").then().statusCode(403)
                .contentType(containsString(PROBLEM_JSON));

        StaffSession councillor = StaffSession.signIn("councillor");
        councillor.get("/wards").then().statusCode(200)
                .body(containsString("/wards/E36001578"))
                .body(not(containsString("/wards/E36001576")));
        councillor.get("/wards/E36001578").then().statusCode(200).body(containsString("<svg"));
        councillor.get("/wards/E36001576").then().statusCode(403);
        csv(councillor, "/wards/E36001576/summary.csv").then().statusCode(403);

        assertTrue(audited("councillor", "Ward E36001578"), "the councillor's read is in the audit log");
    }

    @Test
    void councillorsCannotOpenAnyCase() {
        Cases.Case reported = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", "E36001578"),
                "COUNCIL_ASB");

        StaffSession councillor = StaffSession.signIn("councillor");
        councillor.get("/staff/cases/{reference}", reported.reference()).then().statusCode(403);
        councillor.get("/staff").then().statusCode(403);
        StaffApi.as("councillor").get("/api/v1/cases/{reference}", reported.reference()).then().statusCode(403);
        StaffApi.as("councillor").get("/api/v1/queues").then().statusCode(403);
    }

    @Test
    void monthsThatAreNotRealAreRefusedByField() {
        StaffApi.as("admin").get("/api/v1/wards/E36001578/summary?from=2026-13&to=soon").then().statusCode(400)
                .contentType(containsString(PROBLEM_JSON))
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"));
        StaffApi.as("admin").get("/api/v1/wards/E36001578/summary?from=2026-05&to=2026-01").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        StaffApi.as("admin").get("/api/v1/wards/E36001578/summary?from=2000-01&to=2026-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        StaffSession.signIn("admin").get("/wards/E36001578?from=last+year").then().statusCode(200)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#from\""));
    }

    @Test
    void aChosenRangeIsSummarisedMonthByMonth() {
        StaffApi.as("admin").get("/api/v1/wards/E36001578/summary?from=2016-10&to=2016-12").then().statusCode(200)
                .body("from", equalTo("2016-10"))
                .body("to", equalTo("2016-12"))
                .body("byMonth.month", contains("2016-10", "2016-11", "2016-12"));
    }

    @Test
    void unknownWardsAndStrangersAreTurnedAway() {
        StaffApi.as("admin").get("/api/v1/wards/E99999999/summary").then().statusCode(404);
        RestAssured.given().get("/api/v1/wards/E36001578/summary").then().statusCode(401);
        StaffSession.anonymous().get("/wards/E36001578").then().statusCode(302)
                .header("Location", containsString("/login"));
        RestAssured.given().accept("application/json").get("/api/v1/wards").then().statusCode(200)
                .body("code", hasItem("E36001578"));
    }

    private static io.restassured.response.Response csv(StaffSession session, String path) {
        return RestAssured.given().cookies(session.sessionCookies()).accept("text/csv")
                .redirects().follow(false).get(path);
    }

    private boolean audited(String actor, String detail) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM audit_entry "
                        + "WHERE actor = ? AND action = 'WARD_SUMMARY_READ' AND detail LIKE ?")) {
            statement.setString(1, actor);
            statement.setString(2, detail + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }
}
