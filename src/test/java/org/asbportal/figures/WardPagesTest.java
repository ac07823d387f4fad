package org.asbportal.figures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.asbportal.security.StaffSession;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardLocator;

/** The district page for staff, the public figures and the administrators' upload page. */
@QuarkusTest
class WardPagesTest {

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
    void districtPageRanksWardsAndListsHotspotsForCaseOfficers() throws Exception {
        TestWard ward = WardFixtures.create(dataSource, locator);
        WardFixtures.police(ward, CURRENT, 40, "On or near Hotspot Parade");

        StaffSession.signIn("triage").get("/staff/district").then().statusCode(200)
                .body(containsString("Wards ranked"))
                .body(containsString(ward.name()))
                .body(containsString("On or near Hotspot Parade"))
                .body(containsString("role=\"img\""));
        StaffSession.signIn("councillor").get("/staff/district").then().statusCode(403);
        StaffSession.signIn("triage").get("/staff/district?from=nonsense").then().statusCode(200)
                .body(containsString("There is a problem"));
    }

    @Test
    void publicFiguresNeedNoSignInAndWithholdSmallCounts() throws Exception {
        TestWard few = WardFixtures.create(dataSource, locator);
        WardFixtures.police(few, CURRENT, 2, "On or near Few Road");
        TestWard many = WardFixtures.create(dataSource, locator);
        WardFixtures.police(many, CURRENT, 6, "On or near Many Road");

        given().accept("text/html").get("/figures").then().statusCode(200)
                .body(containsString("Anti-social behaviour by ward"))
                .body(containsString(few.name()))
                .body(not(containsString("On or near")));
        given().accept("text/csv").get("/figures/figures.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("ward code,ward,"))
                .body(containsString("E36001578,Castle,"))
                .body(containsString(few.code() + "," + few.name() + ",0,0,0,0,0,0,0,0,0,0,0,fewer than 5,fewer than 5\r\n"))
                .body(containsString(many.code() + "," + many.name() + ",0,0,0,0,0,0,0,0,0,0,0,6,6\r\n"));
    }

    @Test
    void administratorsUploadPoliceDataFromThePage() {
        WardDataUpload admin = WardDataUpload.signIn("admin");
        String csv = PoliceData.HEADER + PoliceData.asb("Upload Page Constabulary", "2017-02", PoliceData.CASTLE, "On or near Page Street")
                + "broken line\n";
        admin.post("/admin/wards/police-import", "policeFile", "street.csv", csv).then().statusCode(200)
                .body(containsString("Police data imported"))
                .body(containsString("2017-02"))
                .body(containsString("The row has 1 fields"));
        admin.post("/admin/wards/police-import", "policeFile", "empty.csv", "").then().statusCode(200)
                .body(containsString("There is a problem"))
                .body(containsString("Choose a police data CSV file"));
        admin.post("/admin/wards/boundaries", "boundariesFile", "wards.geojson", "{\"type\":\"Feature\"}").then().statusCode(200)
                .body(containsString("There is a problem"))
                .body(containsString("not a FeatureCollection"));
        assertTrue(StaffSession.signIn("admin").get("/admin").asString().contains("/admin/wards"));
    }

    @Test
    void uploadsWithoutTheFormsTokenAreRefused() {
        WardDataUpload admin = WardDataUpload.signIn("admin");
        given().cookies(admin.session()).redirects().follow(false)
                .multiPart("policeFile", "street.csv", PoliceData.HEADER.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/wards/police-import").then().statusCode(400);
    }
}
