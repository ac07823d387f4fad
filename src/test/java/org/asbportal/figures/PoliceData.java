package org.asbportal.figures;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.restassured.response.Response;

import org.asbportal.security.DemoAccounts;

/** Police data and ward boundaries sent to the administrators' API as a script sends them. */
public final class PoliceData {

    public static final String HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
            + "LSOA name,Crime type,Last outcome category,Context\n";
    /** A point in Castle ward (E36001578), Bedford. */
    public static final String CASTLE = "-0.466377,52.137122";

    private PoliceData() {
    }

    public static String resource(String path) {
        try (InputStream in = PoliceData.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ASB row of the street-level CSV. */
    public static String asb(String force, String month, String lonLat, String location) {
        return "," + month + "," + force + "," + force + "," + lonLat + "," + location + ",E01017544,Bedford 001C,"
                + "Anti-social behaviour,,\n";
    }

    public static Response importCsv(String username, String csv) {
        return given().auth().preemptive().basic(username, DemoAccounts.PASSWORD).contentType("text/csv")
                .accept("application/json").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/imports/police");
    }

    public static Response replaceWards(String geojson, String codeProperty, String nameProperty) {
        return given().auth().preemptive().basic("admin", DemoAccounts.PASSWORD).contentType("application/json")
                .accept("application/json").queryParam("codeProperty", codeProperty).queryParam("nameProperty", nameProperty)
                .body(geojson.getBytes(StandardCharsets.UTF_8)).put("/api/v1/admin/wards");
    }

    /** Puts the Bedford wards back as every test expects them. */
    public static void restoreBedfordWards() {
        replaceWards(resource("/bedford/wards.geojson"), "cmwd11cd", "cmwd11nm").then().statusCode(200);
    }
}
