package org.asbportal.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffApi;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention rules beyond reports and audit entries, each with the portal's clock moved to the day
 * before its period ends (nothing changes) and to the day it ends (applied): perpetrators' records,
 * Community Trigger applications (the case-review figures unchanged), PLEDGE registrations never
 * confirmed, and PLEDGE contacts who stopped signing in.
 */
@QuarkusTest
class RetentionRulesTest {

    @Inject
    TestClock clock;

    @Inject
    RetentionService retention;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void aPerpetratorIsAnonymisedTwentyFourMonthsAfterTheLastOfTheirCasesClosedAndNotADayEarlier() throws SQLException {
        Case first = Cases.reportInto("COUNCIL_ASB");
        Case second = Cases.reportInto("COUNCIL_ASB");
        String name = "Morgan Retained " + ReportRequests.unique();
        long perpetrator = ((Number) StaffApi.as("admin").body(StaffApi.json("name", name, "address", "14 Garage Lane"))
                .post("/api/v1/cases/{reference}/perpetrators", first.reference())
                .then().statusCode(201).extract().path("perpetrators[0].id")).longValue();
        execute("INSERT INTO case_perpetrator (report_id, perpetrator_id, linked_by, linked_at) "
                + "SELECT id, ?, 'admin', UTC_TIMESTAMP(6) FROM report WHERE reference = ?", perpetrator, second.reference());
        close(first);
        Instant secondClosed = TestDates.NOW.atZone(TestDates.LONDON).plusMonths(6).toInstant();
        clock.fixAt(secondClosed);
        close(second);

        at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(24)).plusDays(1).toInstant());
        assertThat(string("SELECT name FROM perpetrator WHERE id = ?", perpetrator)).as("the second case was open 18 months ago")
                .isEqualTo(name);
        at(secondClosed.atZone(TestDates.LONDON).plus(Period.ofMonths(24)).minusDays(1).toInstant());
        assertThat(string("SELECT name FROM perpetrator WHERE id = ?", perpetrator)).isEqualTo(name);

        RetentionRun run = at(secondClosed.atZone(TestDates.LONDON).plus(Period.ofMonths(24)).toInstant());

        assertThat(string("SELECT CONCAT_WS('|', name, COALESCE(address, '-'), anonymised_at IS NOT NULL) FROM perpetrator "
                + "WHERE id = ?", perpetrator)).isEqualTo(RetentionService.REMOVED + "|-|1");
        assertThat(count("SELECT COUNT(*) FROM case_perpetrator WHERE perpetrator_id = ?", perpetrator)).as("links kept").isEqualTo(2);
        assertThat(run.perpetrators).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anApplicationIsAnonymisedThirtySixMonthsAfterItsOutcomeAndTheFiguresDoNotChange() throws SQLException {
        String reference = applicationWithOutcome();
        List<String> before = caseReviewFigures();

        at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(36)).minusDays(1).toInstant());
        assertThat(string("SELECT applicant_name FROM trigger_application WHERE reference = ?", reference)).isEqualTo("Alex Retained");

        RetentionRun run = at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(36)).toInstant());

        assertThat(string("SELECT CONCAT_WS('|', applicant_name, COALESCE(applicant_email, '-'), description, outcome_summary, "
                + "status) FROM trigger_application WHERE reference = ?", reference))
                .isEqualTo(String.join("|", RetentionService.REMOVED, "-", RetentionService.REMOVED, RetentionService.REMOVED,
                        "REVIEW_COMPLETE"));
        assertThat(run.applications).isGreaterThanOrEqualTo(1);
        clock.fixAt(TestDates.NOW);
        assertThat(caseReviewFigures()).isEqualTo(before);
    }

    @Test
    void aPledgeRegistrationNeverConfirmedIsDeletedAfterThirtyDaysAndNotADayEarlier() throws SQLException {
        String unique = ReportRequests.unique();
        long organisation = organisation("Unconfirmed " + unique);
        execute("INSERT INTO pledge_contact (organisation_id, name, email, created_at) VALUES (?, 'Robin', ?, ?)", organisation,
                "robin." + unique + "@example.org", utc(TestDates.NOW));

        at(TestDates.NOW.plus(java.time.Duration.ofDays(29)));
        assertThat(count("SELECT COUNT(*) FROM pledge_contact WHERE organisation_id = ?", organisation)).isEqualTo(1);

        RetentionRun run = at(TestDates.NOW.atZone(TestDates.LONDON).plusDays(30).toInstant());

        assertThat(count("SELECT COUNT(*) FROM pledge_contact WHERE organisation_id = ?", organisation)).isZero();
        assertThat(count("SELECT COUNT(*) FROM pledge_organisation WHERE id = ?", organisation)).as("nothing left of it").isZero();
        assertThat(run.pledgeRegistrations).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPledgeContactIsRemovedTwelveMonthsAfterTheyLastSignedInAndTheAssessmentIsKept() throws SQLException {
        String unique = ReportRequests.unique();
        long organisation = organisation("Signed in " + unique);
        execute("INSERT INTO pledge_contact (organisation_id, name, email, created_at, verified_at, signed_in_at) "
                + "VALUES (?, 'Kim', ?, ?, ?, ?)", organisation, "kim." + unique + "@example.org", utc(TestDates.NOW.minusSeconds(86_400 * 400L)),
                utc(TestDates.NOW.minusSeconds(86_400 * 400L)), utc(TestDates.NOW));
        execute("INSERT INTO pledge_assessment (organisation_id, questionnaire_id, status, created_at) "
                + "SELECT ?, MIN(id), 'DRAFT', UTC_TIMESTAMP(6) FROM pledge_questionnaire", organisation);

        at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(12)).minusDays(1).toInstant());
        assertThat(count("SELECT COUNT(*) FROM pledge_contact WHERE organisation_id = ?", organisation)).as("signed in 12 months ago "
                + "less a day, though registered 400 days ago").isEqualTo(1);

        RetentionRun run = at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(12)).toInstant());

        assertThat(count("SELECT COUNT(*) FROM pledge_contact WHERE organisation_id = ?", organisation)).isZero();
        assertThat(count("SELECT COUNT(*) FROM pledge_assessment WHERE organisation_id = ?", organisation)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM pledge_organisation WHERE id = ?", organisation)).isEqualTo(1);
        assertThat(run.pledgeContacts).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aHeldApplicationIsSkippedUntilTheHoldIsLifted() throws SQLException {
        String reference = applicationWithOutcome();
        execute("INSERT INTO legal_hold (record_kind, reference, reason, placed_by, placed_at) VALUES ('APPLICATION', ?, "
                + "'Judicial review', 'admin', UTC_TIMESTAMP(6))", reference);

        at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(37)).toInstant());
        assertThat(string("SELECT applicant_name FROM trigger_application WHERE reference = ?", reference)).isEqualTo("Alex Retained");

        execute("UPDATE legal_hold SET lifted_at = UTC_TIMESTAMP(6), lifted_by = 'admin' WHERE reference = ?", reference);
        at(TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(37)).toInstant());
        assertThat(string("SELECT applicant_name FROM trigger_application WHERE reference = ?", reference))
                .isEqualTo(RetentionService.REMOVED);
    }

    // --- fixtures

    private RetentionRun at(Instant instant) {
        clock.fixAt(instant);
        return retention.run(false, "system");
    }

    private static void close(Case kase) {
        given().auth().preemptive().basic("triage", DemoAccounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("outcome", "RESOLVED")).when().post("/api/v1/cases/" + kase.reference() + "/close")
                .then().statusCode(200);
    }

    /** An application citing a portal report, its review complete with the outcome sent today. */
    private String applicationWithOutcome() throws SQLException {
        String unique = ReportRequests.unique();
        String email = "applicant." + unique + "@example.org";
        Case report = Cases.report(Cases.requestFor("COUNCIL_ASB").with("reporter.email", email), "COUNCIL_ASB");
        Body application = new Body();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Alex Retained");
        applicant.put("email", email);
        applicant.put("type", "PERSON");
        application.put("applicant", applicant);
        application.put("description", "Shouting every night, application " + unique);
        application.put("impact", "I cannot sleep.");
        application.put("hateMotivated", false);
        application.put("reportReferences", new ArrayList<>(List.of(report.reference())));
        application.put("otherComplaints", new ArrayList<>());
        String reference = given().contentType(ContentType.JSON).body(application.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/community-trigger/applications").then().statusCode(201).extract().path("reference");
        execute("UPDATE trigger_application SET status = 'REVIEW_COMPLETE', decided_on = ?, decision_met = TRUE, meeting_on = ?, "
                + "outcome_on = ?, outcome_summary = 'Mediation offered to Alex' WHERE reference = ?", TestDates.clockToday(),
                TestDates.clockToday(), TestDates.clockToday(), reference);
        return reference;
    }

    private static List<String> caseReviewFigures() {
        return List.of(given().when().get("/community-trigger/figures.csv").then().statusCode(200).extract().asString(),
                StaffApi.as("admin").get("/api/v1/community-trigger/figures").then().extract().asString());
    }

    private long organisation(String name) throws SQLException {
        execute("INSERT INTO pledge_organisation (name, type, created_at) VALUES (?, 'HOUSING', UTC_TIMESTAMP(6))", name);
        return count("SELECT id FROM pledge_organisation WHERE name = ?", name);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String string(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Object value = row.getObject(1);
                return value instanceof Timestamp t ? t.toString() : row.getString(1);
            }
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
