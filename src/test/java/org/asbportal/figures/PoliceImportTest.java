package org.asbportal.figures;

import static org.asbportal.figures.PoliceData.CASTLE;
import static org.asbportal.figures.PoliceData.HEADER;
import static org.asbportal.figures.PoliceData.asb;
import static org.asbportal.figures.PoliceData.importCsv;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/** Importing data.police.uk street-level CSV through the administrators' API. */
@QuarkusTest
class PoliceImportTest {

    private static final String BEDFORDSHIRE = "Bedfordshire Police";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bedfordDataReproducesTheExpectedCountsInEveryWard() throws SQLException {
        PoliceData.restoreBedfordWards();

        importCsv("admin", PoliceData.resource("/bedford/asb.csv")).then().statusCode(200)
                .body("months", contains("2016-11"))
                .body("errors", hasSize(0));

        assertEquals(expectedCounts(), countsByWard());
    }

    @Test
    void importingTheSameForceAndMonthAgainReplacesIt() throws SQLException {
        String csv = PoliceData.resource("/bedford/asb.csv");
        importCsv("admin", csv).then().statusCode(200);
        int imported = importCsv("admin", csv).then().statusCode(200).extract().path("imported");

        assertEquals(imported, count("SELECT COUNT(*) FROM police_incident WHERE force_name = ? AND month = '2016-11-01'",
                BEDFORDSHIRE));
        assertEquals(expectedCounts(), countsByWard());
    }

    @Test
    void rowsSharingACoordinateAreSeparateIncidentsAndOtherCrimesAreSkipped() throws SQLException {
        String force = "Shared Point Constabulary";
        String csv = HEADER + asb(force, "2018-03", CASTLE, "On or near High Street")
                + asb(force, "2018-03", CASTLE, "On or near High Street")
                + asb(force, "2018-03", CASTLE, "On or near High Street")
                + "," + "2018-03," + force + "," + force + "," + CASTLE + ",On or near High Street,E01017544,Bedford 001C,"
                + "Burglary,Under investigation,\n"
                + asb(force, "2018-03", "-0.1276,51.5072", "On or near Whitehall");

        importCsv("admin", csv).then().statusCode(200)
                .body("imported", equalTo(4))
                .body("skipped", equalTo(1))
                .body("outsideWards", equalTo(1))
                .body("months", contains("2018-03"));

        assertEquals(3, count("SELECT COUNT(*) FROM police_incident WHERE force_name = ? AND ward_code = 'E36001578'", force));
        assertEquals(1, count("SELECT COUNT(*) FROM police_incident WHERE force_name = ? AND ward_code IS NULL", force));
    }

    @Test
    void malformedRowsAreReportedByLineNumberAndTheRestImported() throws SQLException {
        String force = "Malformed Rows Constabulary";
        String csv = HEADER
                + asb(force, "2019-01", CASTLE, "On or near Mill Street")                       // line 2
                + ",2019-01," + force + "," + force + "," + CASTLE + ",Too few fields\n"        // line 3
                + asb(force, "January 2019", CASTLE, "On or near Mill Street")                  // line 4
                + asb(force, "2019-01", "west,52.1", "On or near Mill Street")                  // line 5
                + asb(force, "2019-01", CASTLE, "\"On or near \"\"Quoted\"\", Street\"")        // line 6: fine
                + ",2019-01," + force + "," + force + "," + CASTLE + ",\"On or near Open Quote,E01,B,"
                + "Anti-social behaviour,,\n"                                                   // line 7
                + asb(force, "2019-01", CASTLE, "On or near Mill Street");                      // line 8

        importCsv("admin", csv).then().statusCode(200)
                .body("imported", equalTo(3))
                .body("skipped", equalTo(4))
                .body("errors.line", contains(3, 4, 5, 7))
                .body("errors[0].message", containsString("fields"))
                .body("errors[1].message", containsString("Month"))
                .body("errors[2].message", containsString("Longitude"))
                .body("errors[3].message", containsString("quoted field"));

        assertEquals(1, count("SELECT COUNT(*) FROM police_incident WHERE force_name = ? AND location = 'On or near \"Quoted\", Street'",
                force));
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        importCsv("admin", "just,some,text\n1,2,3\n").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].message", containsString("Crime type"));
    }

    @Test
    void onlyAdministratorsMayImport() {
        importCsv("triage", HEADER).then().statusCode(403);
        importCsv("councillor", HEADER).then().statusCode(403);
        RestAssured.given().contentType("text/csv").body(HEADER).post("/api/v1/admin/imports/police").then().statusCode(401);
    }

    private static Map<String, Integer> expectedCounts() {
        Map<String, Integer> expected = new TreeMap<>();
        String[] lines = PoliceData.resource("/bedford/expected_ward_counts.csv").split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",");
            expected.put(fields[0], Integer.parseInt(fields[1].strip()));
        }
        return expected;
    }

    private Map<String, Integer> countsByWard() throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT w.name, COUNT(p.id) FROM ward w "
                        + "LEFT JOIN police_incident p ON p.ward_code = w.code AND p.force_name = ? AND p.month = '2016-11-01' "
                        + "WHERE w.code LIKE 'E36%' GROUP BY w.name")) {
            statement.setString(1, BEDFORDSHIRE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private int count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
