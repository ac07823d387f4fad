package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * PSPO enforcement and dispersal directions say where and when they apply: required for them,
 * checked against the law's limits (a dispersal direction lasts at most 48 hours, a PSPO at most
 * three years), kept in London time, shown on the case and written to the internal history. The
 * clock is fixed at {@link TestDates#NOW}, Wednesday 11 March 2026 10:30 (GMT).
 */
@QuarkusTest
class PlacedActionsTest {

    static final LocalDate TODAY = TestDates.today();

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void setUp() {
        clock.fixAt(TestDates.NOW);
        db = new TriageRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void recordsADispersalDirectionWithItsAreaAndHours() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        Response added = add(reported, action("DISPERSAL_DIRECTION", "Castle Lane car park and the river path",
                "2026-3-13", "6pm", "2026-3-15", "6pm"));

        added.then().statusCode(201)
                .body("appliesWhere", equalTo("Castle Lane car park and the river path"))
                .body("appliesFrom", equalTo("2026-03-13T18:00:00Z"))
                .body("appliesUntil", equalTo("2026-03-15T18:00:00Z"));
        Row row = actions(reported).get(0);
        assertEquals("Castle Lane car park and the river path", row.string("applies_where"));
        String message = db.events(reported.reference(), "ACTION_ADDED").get(0).string("message");
        assertTrue(message.contains("applying at Castle Lane car park and the river path from 13 March 2026 18:00 until 15 March 2026 18:00"),
                message);
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("<strong>Dispersal direction</strong>"))
                .body(containsString("Applies at Castle Lane car park and the river path, from 13 March 2026 at 6:00pm until 15 March 2026 at 6:00pm"));
    }

    @Test
    void recordsAPspoFromTheCasePageRunningWholeDaysInLondonTime() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("<option value=\"PSPO_ENFORCEMENT\">Public Spaces Protection Order enforcement</option>"));

        Map<String, String> form = new LinkedHashMap<>(Map.of("type", "PSPO_ENFORCEMENT",
                "description", "Enforce the alcohol PSPO with fixed penalty notices", "owner", "caseworker",
                "dueOn-day", "20", "dueOn-month", "3", "dueOn-year", "2026", "appliesWhere", "Town centre alcohol PSPO area"));
        form.putAll(Map.of("fromDate-day", "1", "fromDate-month", "4", "fromDate-year", "2026",
                "untilDate-day", "31", "untilDate-month", "3", "untilDate-year", "2029"));
        Response posted = caseworker.post("/staff/cases/" + reported.reference() + "/actions", form);

        assertEquals(303, posted.statusCode(), posted.asString());
        Row row = db.reports().rows("SELECT a.type, DATE_FORMAT(a.applies_from, '%Y-%m-%d %H:%i') AS from_utc, "
                + "DATE_FORMAT(a.applies_until, '%Y-%m-%d %H:%i') AS until_utc FROM case_action a JOIN report r "
                + "ON r.id = a.report_id WHERE r.reference = ?", reported.reference()).get(0);
        assertEquals("PSPO_ENFORCEMENT", row.string("type"));
        // 1 April is in British Summer Time: the day starts at 23:00 UTC the evening before, and ends likewise.
        assertEquals("2026-03-31 23:00", row.string("from_utc"));
        assertEquals("2029-03-31 22:59", row.string("until_utc"));
    }

    static Stream<Arguments> wrongPlacesAndTimes() {
        return Stream.of(
                Arguments.of(action("DISPERSAL_DIRECTION", "", "2026-3-13", "6pm", "2026-3-14", "6pm"),
                        "Enter the area the dispersal direction covers"),
                Arguments.of(action("PSPO_ENFORCEMENT", " ", "2026-4-1", "", "2027-4-1", ""), "Enter the area the PSPO covers"),
                Arguments.of(action("DISPERSAL_DIRECTION", "Park", "2026-3-13", "6pm", "2026-3-15", "6:01pm"),
                        "A dispersal direction lasts at most 48 hours: end it by 15 March 2026 18:00"),
                Arguments.of(action("DISPERSAL_DIRECTION", "Park", "2026-3-13", "", "2026-3-14", "6pm"),
                        "Enter the time, like 6pm or 18:00: a dispersal direction runs for hours"),
                Arguments.of(action("DISPERSAL_DIRECTION", "Park", "2026-3-13", "teatime", "2026-3-14", "6pm"),
                        "Enter the time like 6pm or 18:00"),
                Arguments.of(action("PSPO_ENFORCEMENT", "Park", "2026-4-1", "", "2029-4-2", ""),
                        "A PSPO has effect for at most 3 years before it must be extended"),
                Arguments.of(action("PSPO_ENFORCEMENT", "Park", "2026-4-2", "", "2026-4-1", ""), "The end must be after the start"),
                Arguments.of(action("PSPO_ENFORCEMENT", "Park", "2025-1-1", "", "2026-3-10", ""),
                        "The end must be in the future: record a past period in the description"),
                Arguments.of(action("PSPO_ENFORCEMENT", "Park", "--", "", "2026-2-30", ""), "Enter the date it applies from"),
                Arguments.of(action("PSPO_ENFORCEMENT", "Park", "2026-4-1", "", "2026-2-30", ""),
                        "The date it applies until must be a real date"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongPlacesAndTimes")
    void refusesAWrongPlaceOrTimeWithAClearMessageAndSavesNothing(Map<String, Object> body, String message) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        add(reported, body).then().statusCode(400).body(containsString(message));

        assertEquals(List.of(), actions(reported));
    }

    @Test
    void leavesWhereAndWhenEmptyForOtherActions() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        add(reported, action("WARNING", "Park", "2026-3-13", "6pm", "2026-3-15", "6pm")).then().statusCode(201);

        Row row = actions(reported).get(0);
        assertNull(row.get("applies_where"));
        assertNull(row.get("applies_from"));
    }

    static Map<String, Object> action(String type, String where, String fromDate, String fromTime, String untilDate,
            String untilTime) {
        Map<String, Object> body = new LinkedHashMap<>(json("type", type, "description", "Patrols and enforcement",
                "owner", "caseworker", "dueOn", TODAY.plusDays(7).toString()));
        body.putAll(json("appliesWhere", where, "fromDate", fromDate, "fromTime", fromTime, "untilDate", untilDate,
                "untilTime", untilTime));
        return body;
    }

    private static Response add(Case reported, Map<String, Object> body) {
        return as("caseworker").body(body).when().post("/api/v1/cases/{reference}/actions", reported.reference());
    }

    private List<Row> actions(Case reported) {
        return db.reports().rows("SELECT a.* FROM case_action a JOIN report r ON r.id = a.report_id WHERE r.reference = ?",
                reported.reference());
    }
}
