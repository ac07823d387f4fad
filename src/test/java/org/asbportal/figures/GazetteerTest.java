package org.asbportal.figures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.ward.WardLocator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The place search residents use to say where something happened: streets from the police data,
 * postcodes an administrator uploads, and the ward of a place a resident only described.
 */
@QuarkusTest
class GazetteerTest {

    private static final String FORCE = "Gazetteer Test Constabulary";
    private static final String CASTLE_CODE = "E36001578";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    private TestWard otherWard;

    @BeforeEach
    void importStreets() throws SQLException {
        otherWard = WardFixtures.create(dataSource, locator);
        String csv = PoliceData.HEADER
                + PoliceData.asb(FORCE, "2015-04", PoliceData.CASTLE, "On or near Zephyrine Street")
                + PoliceData.asb(FORCE, "2015-04", PoliceData.CASTLE, "On or near Zephyrine Street")
                + PoliceData.asb(FORCE, "2015-04", otherWard.lonLat(), "On or near Zephyrine Street")
                + PoliceData.asb(FORCE, "2015-04", PoliceData.CASTLE, "On or near St Quillon'S Close")
                + PoliceData.asb(FORCE, "2015-04", PoliceData.CASTLE, "On or near Supermarket");
        PoliceData.importCsv("admin", csv).then().statusCode(200);
    }

    private static List<String> labels(String query) {
        return given().accept("application/json").queryParam("q", query).get("/api/v1/wards/places")
                .then().statusCode(200).extract().jsonPath().getList("label", String.class);
    }

    @Test
    void streetsFromThePoliceDataAreFoundByTheStartOfAnyWordWithTheirWard() {
        assertThat(labels("zephyr")).containsExactly("Zephyrine Street, Castle ward",
                "Zephyrine Street, " + otherWard.name() + " ward");
        // "On or near" is dropped, the police's capital after an apostrophe put right, any word matches.
        assertThat(labels("quillon")).containsExactly("St Quillon's Close, Castle ward");
        // The kinds of place the police name instead of a street are many, so not places to choose.
        assertThat(labels("supermarket")).isEmpty();
        // Too short to search, and characters that mean something to SQL, find nothing.
        assertThat(labels("z")).isEmpty();
        assertThat(labels("%")).isEmpty();
        assertThat(labels("zeph_rine")).isEmpty();
        Response place = given().accept("application/json").queryParam("q", "Quillon").get("/api/v1/wards/places");
        assertThat(place.jsonPath().getString("[0].wardCode")).isEqualTo(CASTLE_CODE);
        assertThat(place.asString()).contains("\"latitude\":52.137122,\"longitude\":-0.466377");
    }

    @Test
    void postcodesAnAdministratorUploadsAreFoundByTheirStart() {
        WardDataUpload admin = WardDataUpload.signIn("admin");
        String csv = "pcds,lat,long,osward\n"
                + "MK40 9ZZ,52.137122,-0.466377," + CASTLE_CODE + "\n"
                + "mk409zy,52.137122,-0.466377,\n"
                + "NOT A POSTCODE,52.1,-0.4,\n"
                + "MK40 9ZX,99.999999,0.000000,\n";

        admin.post("/admin/wards/postcodes", "postcodeFile", "postcodes.csv", csv).then().statusCode(200)
                .body(containsString("Postcodes imported"))
                .body(containsString("2 postcodes; 2 rows skipped"))
                .body(containsString("is not a postcode"))
                .body(containsString("MK40 9ZX has no usable latitude and longitude"));

        assertThat(labels("MK40 9Z")).containsExactly("MK40 9ZY, Castle ward", "MK40 9ZZ, Castle ward");
        assertThat(labels("mk409zz")).containsExactly("MK40 9ZZ, Castle ward");
        admin.post("/admin/wards/postcodes", "postcodeFile", "postcodes.csv", "postcode,easting\nMK40 9ZZ,1\n").then().statusCode(200)
                .body(containsString("There is a problem"))
                .body(containsString("naming its postcode, latitude and longitude columns"));
        // A file refused leaves the postcodes as they were.
        assertThat(labels("MK40 9ZZ")).containsExactly("MK40 9ZZ, Castle ward");
    }

    @Test
    void onlyAdministratorsUploadPostcodes() {
        Map<String, String> officer = StaffSession.signIn("triage").sessionCookies();
        given().cookies(officer).accept("text/html").redirects().follow(false).get("/admin/wards").then().statusCode(403);
    }

    @Test
    void aReportNamingAStreetInOneWardIsPlacedInThatWardAndOtherwiseTheWardIsNotKnown() throws SQLException {
        String quillon = report("Outside 4 St Quillon's Close, by the garages");
        String zephyrine = report("Outside 3 Zephyrine Street");
        String nowhere = report("The alley behind the Xanthe Bakery");

        assertThat(wardOf(quillon)).isEqualTo(CASTLE_CODE);
        assertThat(history(quillon)).contains("Ward found from the place described: Castle");
        // Zephyrine Street runs through two wards: which one cannot be told.
        assertThat(wardOf(zephyrine)).isNull();
        assertThat(wardOf(nowhere)).isNull();
        assertThat(history(nowhere)).anyMatch(entry -> entry.startsWith("Ward not known"));
    }

    private static String report(String description) {
        return given().contentType("application/json")
                .body(ReportRequests.valid().with("location.description", description).json())
                .post("/api/v1/reports").then().statusCode(201).extract().path("reference");
    }

    private String wardOf(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT ward_code FROM report WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private List<String> history(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT e.message FROM report_event e "
                        + "JOIN report r ON r.id = e.report_id WHERE r.reference = ? AND e.kind = 'PLACED'")) {
            select.setString(1, reference);
            List<String> messages = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(rows.getString(1));
                }
            }
            return messages;
        }
    }
}
