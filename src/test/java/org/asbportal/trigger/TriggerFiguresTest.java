package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The yearly figures, counted from applications generated in the years starting April 2020, 2021
 * and 2022 (far from the applications other tests save today): the last day of March belongs to the
 * year before, the first of April to the year it starts.
 */
@QuarkusTest
class TriggerFiguresTest {

    static final String API = "/api/v1/community-trigger/figures";

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    /** Generated once for the class: each test reads the same years. */
    static boolean generated;

    @BeforeEach
    void generateApplications() {
        db = new ReportRows(dataSource);
        if (generated) {
            return;
        }
        generated = true;
        // 2020 to 2021: received on its last day
        application(LocalDate.of(2021, 3, 31), null, null, null, false);
        // 2021 to 2022: received on its first day; received on its last day and found not met that day
        application(LocalDate.of(2021, 4, 1), null, null, null, false);
        application(LocalDate.of(2022, 3, 31), LocalDate.of(2022, 3, 31), false, null, false);
        // received in 2021 to 2022, decided met on its last day, the review meeting on the first day of 2022 to 2023
        application(LocalDate.of(2022, 3, 30), LocalDate.of(2022, 3, 31), true, LocalDate.of(2022, 4, 1), false);
        // 2022 to 2023: received on its first day, reviewed with a recommendation
        application(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 5), true, LocalDate.of(2022, 4, 20), true);
        // not met, but the review went ahead at discretion: not counted as not met; reviewed in 2022 to 2023
        String discretion = application(LocalDate.of(2022, 5, 2), LocalDate.of(2022, 5, 3), false, LocalDate.of(2022, 6, 1), true);
        db.update("UPDATE trigger_application SET decision_discretionary = TRUE WHERE reference = ?", discretion);
    }

    @Test
    void countsEachYearFromTheFirstOfApril() {
        given().accept(ContentType.JSON).when().get(API + "?year=2020").then().statusCode(200)
                .body("label", equalTo("2020 to 2021"))
                .body("from", equalTo("2020-04-01"))
                .body("to", equalTo("2021-03-31"))
                .body("applicationsReceived", equalTo(1))
                .body("thresholdNotMet", equalTo(0))
                .body("reviewsCarriedOut", equalTo(0));
        given().accept(ContentType.JSON).when().get(API + "?year=2021").then().statusCode(200)
                .body("label", equalTo("2021 to 2022"))
                .body("applicationsReceived", equalTo(3))
                .body("thresholdNotMet", equalTo(1))
                .body("reviewsCarriedOut", equalTo(0))
                .body("reviewsWithRecommendations", equalTo(0));
        given().accept(ContentType.JSON).when().get(API + "?year=2022").then().statusCode(200)
                .body("label", equalTo("2022 to 2023"))
                .body("applicationsReceived", equalTo(2))
                .body("thresholdNotMet", equalTo(0))
                .body("reviewsCarriedOut", equalTo(3))
                .body("reviewsWithRecommendations", equalTo(2));
    }

    @Test
    void theCsvAndTheJsonGiveTheSameFiguresAndThePageShowsThem() {
        JsonPath json = given().accept(ContentType.JSON).when().get(API).then().statusCode(200).extract().jsonPath();
        String csv = given().when().get("/community-trigger/figures.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("community-trigger-figures.csv"))
                .extract().asString();

        List<String> lines = Arrays.asList(csv.split("\r\n"));
        // the columns published first stay as they were; the Commissioner's reviews come after them
        assertEquals("year,from,to,applications_received,threshold_not_met,reviews_carried_out,reviews_with_recommendations,"
                + "pcc_reviews_requested,pcc_reviews_upheld,pcc_reviews_overturned", lines.get(0));
        List<Map<String, Object>> years = json.getList("$");
        assertEquals(years.size(), lines.size() - 1, csv);
        for (int i = 0; i < years.size(); i++) {
            Map<String, Object> year = years.get(i);
            String expected = List.of(year.get("label"), year.get("from"), year.get("to"), year.get("applicationsReceived"),
                    year.get("thresholdNotMet"), year.get("reviewsCarriedOut"), year.get("reviewsWithRecommendations"),
                    year.get("pccReviewsRequested"), year.get("pccReviewsUpheld"), year.get("pccReviewsOverturned"))
                    .stream().map(String::valueOf).collect(Collectors.joining(","));
            assertEquals(expected, lines.get(i + 1));
        }
        assertTrue(lines.contains("2021 to 2022,2021-04-01,2022-03-31,3,1,0,0,0,0,0"), csv);
        assertTrue(lines.contains("2022 to 2023,2022-04-01,2023-03-31,2,0,3,2,0,0,0"), csv);
        assertEquals("2020 to 2021", years.get(years.size() - 1).get("label"), "from the year of the first application");

        given().accept(ContentType.HTML).when().get("/community-trigger/figures").then().statusCode(200)
                .body(containsString("<h1 class=\"govuk-heading-xl\">Community Trigger figures</h1>"))
                .body(containsString("2022 to 2023"))
                .body(containsString("href=\"/community-trigger/figures.csv\""))
                .body(not(containsString("Alex Applicant")));
        given().accept(ContentType.HTML).when().get("/community-trigger").then().statusCode(200)
                .body(containsString("href=\"/community-trigger/figures\""));
    }

    @Test
    void aYearThatIsNotOneIsAProblem() {
        for (String year : List.of("twenty", "2013", "3000", "2026.5")) {
            given().accept(ContentType.JSON).when().get(API + "?year=" + year).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("year"));
        }
    }

    /** An application saved through the API, then given its dates in the past. */
    private String application(LocalDate received, LocalDate decided, Boolean met, LocalDate meeting, boolean recommendation) {
        String reference = Reviews.meetingTheThreshold(Victims.uniqueEmail()).reference();
        db.update("UPDATE trigger_application SET received_on = ?, decided_on = ?, decision_met = ?, meeting_on = ? "
                + "WHERE reference = ?", received, decided, met, meeting, reference);
        if (recommendation) {
            db.update("INSERT INTO trigger_recommendation (application_id, text, owner_agency, due_on, status, created_at, "
                    + "created_by) SELECT id, 'Patrols at night', 'Police', ?, 'OPEN', NOW(), 'coordinator' "
                    + "FROM trigger_application WHERE reference = ?", meeting.plusDays(30), reference);
        }
        return reference;
    }
}
