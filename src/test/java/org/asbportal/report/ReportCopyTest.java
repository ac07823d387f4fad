package org.asbportal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.Test;

/** A victim downloads from {@code /track} what they told us and the public history, as JSON or a page to print; nothing else. */
@QuarkusTest
class ReportCopyTest {

    private static final String NOTE = "Internal note: neighbour known to police " + ReportRequests.unique();

    @Test
    void theVictimGetsTheirAnswersAndThePublicHistoryAsJson() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        internalNote(reported);
        Cases.trackPage(reported).then().statusCode(200).body(containsString("action=\"/track/copy\""));

        Response download = StaffSession.anonymous().post("/track/copy", "reference", reported.reference(),
                "accessCode", reported.accessCode(), "format", "json");

        download.then().statusCode(200).contentType(ContentType.JSON)
                .header("Content-Disposition", containsString(reported.reference() + ".json"));
        JsonPath copy = download.jsonPath();
        assertThat(copy.getString("reference")).isEqualTo(reported.reference());
        assertThat(copy.getString("whatHappened")).isEqualTo(reported.request().at("description"));
        assertThat(copy.getString("yourEmail")).isEqualTo("sam.resident@example.org");
        assertThat(copy.getList("updates.message")).isNotEmpty();
        assertThat(download.asString()).doesNotContain(NOTE).doesNotContain("accessCode");
    }

    @Test
    void theVictimGetsAPageToPrint() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        internalNote(reported);

        StaffSession.anonymous().post("/track/copy", "reference", reported.reference(), "accessCode", reported.accessCode(),
                "format", "page").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("A copy of what you told us"))
                .body(containsString((String) reported.request().at("description")))
                .body(not(containsString(NOTE)));
    }

    @Test
    void aWrongAccessCodeGetsNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        StaffSession.anonymous().post("/track/copy", "reference", reported.reference(), "accessCode", "WRONG-CODE-1",
                "format", "json").then().statusCode(404).contentType(ContentType.HTML)
                .body(not(containsString((String) reported.request().at("description"))));
    }

    private static void internalNote(Case reported) {
        org.asbportal.security.StaffApi.as("admin").body(org.asbportal.security.StaffApi.json("text", NOTE, "public", false))
                .post("/api/v1/cases/{reference}/updates", reported.reference()).then().statusCode(200);
    }
}
