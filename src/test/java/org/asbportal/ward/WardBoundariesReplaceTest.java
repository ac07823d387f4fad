package org.asbportal.ward;

import static org.asbportal.figures.PoliceData.HEADER;
import static org.asbportal.figures.PoliceData.asb;
import static org.asbportal.figures.PoliceData.importCsv;
import static org.asbportal.figures.PoliceData.replaceWards;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

import org.asbportal.security.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.asbportal.figures.PoliceData;

/** Replacing the ward boundaries through the administrators' API. */
@QuarkusTest
class WardBoundariesReplaceTest {

    private static final String FORCE = "Boundary Test Constabulary";
    /** Two squares, the first with a square hole: one ward. */
    private static final String MULTI = "{\"type\":\"Feature\",\"properties\":{\"cmwd11cd\":\"T0000MULTI\",\"cmwd11nm\":\"Test Multi\"},"
            + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
            + "[[[10,10],[11,10],[11,11],[10,11],[10,10]],[[10.4,10.4],[10.6,10.4],[10.6,10.6],[10.4,10.6],[10.4,10.4]]],"
            + "[[[12,10],[13,10],[13,11],[12,11],[12,10]]]]}}";
    /** The hole of the first square, as a ward of its own. */
    private static final String INNER = "{\"type\":\"Feature\",\"properties\":{\"cmwd11cd\":\"T0000INNER\",\"cmwd11nm\":\"Test Inner\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[10.45,10.45],[10.55,10.45],[10.55,10.55],[10.45,10.55],[10.45,10.45]]]}}";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @Test
    void replacingWardsReassignsStoredIncidentsRespectingMultiPolygonsAndHoles() throws SQLException {
        importCsv("admin", HEADER
                + asb(FORCE, "2020-05", "10.2,10.2", "On or near First Square")
                + asb(FORCE, "2020-05", "12.5,10.5", "On or near Second Square")
                + asb(FORCE, "2020-05", "10.42,10.42", "On or near The Hole")
                + asb(FORCE, "2020-05", "10.5,10.5", "On or near The Inner Ward"))
                .then().statusCode(200).body("outsideWards", equalTo(4));
        try {
            replaceWards(bedfordPlus(MULTI, INNER), "cmwd11cd", "cmwd11nm").then().statusCode(200)
                    .body("wards", equalTo(29))
                    .body("policeReassigned", equalTo(3));

            assertEquals(2, count("T0000MULTI"));
            assertEquals(1, count("T0000INNER"));
            assertEquals(1, countOutside());
            assertEquals(Optional.of(new WardRef("T0000MULTI", "Test Multi")), locator.locate(10.5, 12.5));
            assertEquals(Optional.empty(), locator.locate(10.42, 10.42));
            assertEquals(Optional.of(new WardRef("E36001578", "Castle")), locator.locate(52.137122, -0.466377));
        } finally {
            PoliceData.restoreBedfordWards();
        }
        assertEquals(Optional.empty(), locator.locate(10.2, 10.2));
        assertEquals(4, countOutside());
    }

    @Test
    void boundariesThatCannotBeUsedAreRefusedWithTheReason() {
        replaceWards("not json", "cd", "nm").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("boundaries"))
                .body("errors[0].message", containsString("not valid JSON"));
        replaceWards("{\"type\":\"Feature\"}", "cd", "nm").then().statusCode(400)
                .body("errors[0].message", containsString("not a FeatureCollection"));
        replaceWards("{\"type\":\"FeatureCollection\",\"features\":[" + MULTI + "]}", "code", "cmwd11nm").then().statusCode(400)
                .body("errors[0].message", containsString("has no \"code\" property"));
        replaceWards("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"cd\":\"X\",\"nm\":\"Y\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}]}", "cd", "nm").then().statusCode(400)
                .body("errors[0].message", containsString("only Polygon and MultiPolygon"));
        replaceWards("{\"type\":\"FeatureCollection\",\"features\":[]}", "cd", "nm").then().statusCode(400)
                .body("errors[0].message", containsString("no wards"));
        replaceWards("{\"type\":\"FeatureCollection\",\"features\":[" + MULTI + "]}", "", "").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("codeProperty", "nameProperty"));
        assertEquals(Optional.of(new WardRef("E36001578", "Castle")), locator.locate(52.137122, -0.466377));
    }

    @Test
    void onlyAdministratorsMayReplaceWards() {
        RestAssured.given().auth().preemptive().basic("councillor", DemoAccounts.PASSWORD).contentType("application/json")
                .body("{}").put("/api/v1/admin/wards?codeProperty=a&nameProperty=b").then().statusCode(403);
    }

    private static String bedfordPlus(String... features) {
        String bedford = PoliceData.resource("/bedford/wards.geojson");
        int end = bedford.lastIndexOf(']');
        return bedford.substring(0, end) + "," + String.join(",", features) + bedford.substring(end);
    }

    private int count(String ward) throws SQLException {
        return query("SELECT COUNT(*) FROM police_incident WHERE force_name = ? AND ward_code = '" + ward + "'");
    }

    private int countOutside() throws SQLException {
        return query("SELECT COUNT(*) FROM police_incident WHERE force_name = ? AND ward_code IS NULL");
    }

    private int query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, FORCE);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
