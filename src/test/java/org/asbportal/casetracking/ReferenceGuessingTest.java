package org.asbportal.casetracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.ClientLimitsProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reference with characters the database's collation ignores (zero-width space, soft hyphen, NUL,
 * byte order mark) or anything after it is not a reference: it finds nothing, is counted as a wrong
 * attempt against the client, and is never a 500, so it can neither walk past the guessing limit
 * nor tell a right code from a wrong one.
 */
@QuarkusTest
@TestProfile(ClientLimitsProfile.class)
class ReferenceGuessingTest {

    private static final List<String> SUFFIXES = List.of("\u200B", "\u00AD", "\u0000", "\uFEFF",
            "-" + "X".repeat(200));

    @BeforeEach
    void client() {
        ClientLimitsProfile.actAs(ClientLimitsProfile.newClient());
    }

    @AfterEach
    void direct() {
        ClientLimitsProfile.reset();
    }

    private static ExtractableResponse<Response> newReport() {
        return given().contentType(ContentType.JSON).body(ReportRequests.valid().json())
                .when().post("/api/v1/reports").then().statusCode(201).extract();
    }

    private static Response track(String reference, String accessCode) {
        ExtractableResponse<Response> form = given().accept(ContentType.HTML).when().get("/track").then().statusCode(200).extract();
        return given().cookie("asb-csrf", form.cookie("asb-csrf")).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .accept(ContentType.HTML)
                .formParam("csrf-token", form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"))
                .formParams(Map.of("reference", reference, "accessCode", accessCode))
                .when().post("/track");
    }

    @Test
    void theRightCodeWithOddCharactersAfterTheReferenceFindsNothingAndEachTryCountsUntilTheLimit() {
        ExtractableResponse<Response> report = newReport();
        String reference = report.path("reference");
        String code = report.path("accessCode");

        for (String suffix : SUFFIXES) {
            track(reference + suffix, code).then().statusCode(404)
                    .body(containsString("We could not find a report or case review application"));
        }
        // five wrong attempts: this client must now wait, even with the right reference and code
        track(reference, code).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void overTheApiAWrongCodeWithOddCharactersIsA404NeverA500AndCounts() {
        ExtractableResponse<Response> report = newReport();
        String reference = report.path("reference");
        List<String> urlSuffixes = List.of("%E2%80%8B", "%C2%AD", "%EF%BB%BF", "-" + "X".repeat(200), "%E2%80%8B%E2%80%8B");

        for (String suffix : urlSuffixes) {
            given().urlEncodingEnabled(false).header("X-Access-Code", "2222-3333-4444")
                    .when().get("/api/v1/reports/" + reference + suffix)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().header("X-Access-Code", report.path("accessCode").toString()).when().get("/api/v1/reports/" + reference)
                .then().statusCode(429).header("Retry-After", notNullValue()).body("status", equalTo(429));
    }

    @Test
    void caseReviewStatusAndVictimsAdditionsTakeOnlyReferencesOfTheRightShape() {
        given().urlEncodingEnabled(false).header("X-Access-Code", "2222-3333-4444")
                .when().get("/api/v1/community-trigger/applications/CT-2222-3333%E2%80%8B")
                .then().statusCode(404);
        given().urlEncodingEnabled(false).header("X-Access-Code", "2222-3333-4444")
                .when().get("/api/v1/community-trigger/applications/CT-2222-3333" + "Z".repeat(300))
                .then().statusCode(404);
        ExtractableResponse<Response> report = newReport();
        ExtractableResponse<Response> form = given().accept(ContentType.HTML).when().get("/track").then().statusCode(200).extract();
        given().cookie("asb-csrf", form.cookie("asb-csrf")).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"))
                .formParams(Map.of("reference", report.path("reference") + "\u00AD", "accessCode", report.path("accessCode"),
                        "kind", "NEW_INCIDENT", "text", "It happened again"))
                .when().post("/track/add").then().statusCode(404);
        track("ASB-0000-OOOO", "2222-3333-4444").then().statusCode(404);
        track("asb-2222-3333\uFEFF", "2222-3333-4444").then().statusCode(404);
        // five wrong attempts from this client, none of them a known reference
        given().header("X-Access-Code", report.path("accessCode").toString()).when()
                .get("/api/v1/reports/" + report.path("reference")).then().statusCode(429);
    }

    @Test
    void aReferenceTypedInLowerCaseOrFullWidthWithSpacesStillFindsTheCase() {
        ExtractableResponse<Response> report = newReport();
        String reference = report.path("reference");
        String fullWidth = reference.chars().mapToObj(c -> c == '-' ? "\uFF0D" : String.valueOf((char) (c + 0xFEE0)))
                .reduce("", String::concat);

        track("  " + reference.toLowerCase() + " ", report.path("accessCode")).then().statusCode(200);
        track(fullWidth, report.path("accessCode")).then().statusCode(200);
    }
}
