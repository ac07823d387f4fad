package org.asbportal.retention;

import static io.restassured.RestAssured.given;
import static org.asbportal.retention.RetentionService.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffApi;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.ward.WardLocator;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention schedule, with the portal's clock moved forward: a report closed 24 months ago is
 * anonymised and not a day earlier, open reports never are, a dry run only counts, figures do not
 * change, audit entries go after 7 years, and a second run finds nothing left to do.
 */
@QuarkusTest
class RetentionTest {

    private static final Period REPORTS_KEPT = Period.ofMonths(24);

    @Inject
    TestClock clock;

    @Inject
    RetentionService retention;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void closedReportIsAnonymisedTwentyFourMonthsAfterClosureAndNotADayEarlier() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        Case closed = closedReportWithEverything(ward);
        Case open = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", ward.code()), "COUNCIL_ASB");
        Map<String, Object> openBefore = report(open.reference());

        at(afterClosure(-1));
        RetentionRun early = retention.run(false, "system");
        assertThat(report(closed.reference())).containsEntry("reporter_name", "Sam Resident").containsEntry("anonymised_at", null);
        assertThat(count("SELECT COUNT(*) FROM equality_monitoring WHERE report_id = ?", id(closed))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM report_evidence WHERE report_id = ?", id(closed))).isEqualTo(1);
        assertThat(strings("SELECT body FROM case_letter WHERE report_id = ?", id(closed))).containsExactly("Dear Jo Bloggs, 14 Mill Lane");
        assertThat(early.finishedAt).isNotNull();

        at(afterClosure(1));
        RetentionRun run = retention.run(false, "system");

        Map<String, Object> after = report(closed.reference());
        assertThat(after).containsEntry("reporter_name", null).containsEntry("reporter_email", null)
                .containsEntry("reporter_phone", null).containsEntry("preferred_contact", null)
                .containsEntry("safe_contact", null).containsEntry("safe_contact_times", null)
                .containsEntry("victim_email_key", null).containsEntry("victim_phone_key", null)
                .containsEntry("description", REMOVED).containsEntry("people_involved", REMOVED)
                .containsEntry("location_description", REMOVED)
                .containsEntry("latitude", null).containsEntry("longitude", null);
        assertThat(after.get("anonymised_at")).isNotNull();
        assertThat(after).containsEntry("category_code", "FLY_TIPPING").containsEntry("ward_code", ward.code())
                .containsEntry("status", "CLOSED").containsEntry("risk_level", "STANDARD");
        assertThat(count("SELECT COUNT(*) FROM equality_monitoring WHERE report_id = ?", id(closed))).isZero();
        assertThat(count("SELECT COUNT(*) FROM report_evidence WHERE report_id = ?", id(closed))).isZero();
        assertThat(count("SELECT COUNT(*) FROM report_evidence_content c WHERE NOT EXISTS "
                + "(SELECT 1 FROM report_evidence e WHERE e.id = c.evidence_id)", null)).isZero();
        assertThat(strings("SELECT message FROM report_event WHERE report_id = ? AND actor = 'victim'", id(closed)))
                .containsExactly(REMOVED);
        assertThat(strings("SELECT message FROM report_event WHERE report_id = ? AND actor <> 'victim'", id(closed)))
                .isNotEmpty().doesNotContain(REMOVED);
        assertThat(strings("SELECT outcome FROM queue_item WHERE report_id = ?", id(closed))).containsExactly("RESOLVED");
        assertThat(strings("SELECT body FROM case_letter WHERE report_id = ?", id(closed))).containsExactly(REMOVED);
        assertThat(strings("SELECT note FROM case_review WHERE report_id = ?", id(closed))).containsExactly(REMOVED);
        assertThat(strings("SELECT CONCAT(type, ' ', status, ' ', description, ' ', result) FROM case_action WHERE report_id = ?",
                id(closed))).containsExactly("WARNING DONE " + REMOVED + " " + REMOVED);
        assertThat(run.reports).isGreaterThanOrEqualTo(1);
        assertThat(run.equalityAnswers).isGreaterThanOrEqualTo(1);
        assertThat(run.evidenceFiles).isGreaterThanOrEqualTo(1);
        assertThat(run.victimAdditions).isGreaterThanOrEqualTo(1);

        Map<String, Object> openAfter = report(open.reference());
        openAfter.remove("version");
        openBefore.remove("version");
        assertThat(openAfter).isEqualTo(openBefore);
    }

    @Test
    void dryRunCountsAndChangesNothing() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        Case closed = closedReportWithEverything(ward);
        Map<String, Object> before = report(closed.reference());
        insertAudit(TestDates.NOW.minus(Duration.ofDays(8 * 366)), "OLD_FOR_DRY_RUN");
        long oldAudit = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OLD_FOR_DRY_RUN'", null);

        at(afterClosure(1));
        RetentionRun dry = retention.run(true, "admin");

        assertThat(dry.dryRun).isTrue();
        assertThat(dry.reports).isGreaterThanOrEqualTo(1);
        assertThat(dry.equalityAnswers).isGreaterThanOrEqualTo(1);
        assertThat(dry.evidenceFiles).isGreaterThanOrEqualTo(1);
        assertThat(dry.victimAdditions).isGreaterThanOrEqualTo(1);
        assertThat(dry.auditEntries).isGreaterThanOrEqualTo(1);
        assertThat(report(closed.reference())).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM equality_monitoring WHERE report_id = ?", id(closed))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM report_evidence WHERE report_id = ?", id(closed))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'OLD_FOR_DRY_RUN'", null)).isEqualTo(oldAudit);
        assertThat(strings("SELECT detail FROM audit_entry WHERE action = 'RETENTION_DRY_RUN' AND actor = 'admin' "
                + "ORDER BY id DESC LIMIT 1", null)).singleElement().asString()
                .contains("reports=" + dry.reports).contains("audit_entries=" + dry.auditEntries);
    }

    @Test
    void wardCountsPublicFiguresAndCommunityTriggerFiguresAreUnchanged() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        closedReportWithEverything(ward);
        closedReportWithEverything(ward);
        Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", ward.code()), "COUNCIL_ASB");

        List<String> before = figures(ward);
        at(afterClosure(1));
        RetentionRun run = retention.run(false, "system");
        assertThat(run.reports).isGreaterThanOrEqualTo(2);

        at(TestDates.NOW); // the same months counted again, now from anonymised reports (the test profile caches nothing)
        assertThat(figures(ward)).isEqualTo(before);
    }

    @Test
    void auditEntriesAreDeletedAfterSevenYearsAndNotADayEarlier() throws SQLException {
        Instant sevenYearsAgo = TestDates.NOW.atZone(TestDates.LONDON).minus(Period.ofYears(7)).toInstant();
        String kept = "KEPT_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String gone = "GONE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        insertAudit(sevenYearsAgo.plus(Duration.ofDays(1)), kept);
        insertAudit(sevenYearsAgo.minus(Duration.ofDays(1)), gone);

        RetentionRun run = retention.run(false, "system");

        assertThat(run.auditEntries).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = ?", kept)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = ?", gone)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'RETENTION_RUN' AND detail LIKE ?",
                "%audit_entries=" + run.auditEntries + "%")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSecondRunChangesNothing() throws SQLException {
        TestWard ward = WardFixtures.create(dataSource, locator);
        Case closed = closedReportWithEverything(ward);
        at(afterClosure(1));
        retention.run(false, "system");
        Map<String, Object> anonymised = report(closed.reference());

        RetentionRun again = retention.run(false, "system");

        assertThat(again.reports).isZero();
        assertThat(again.equalityAnswers).isZero();
        assertThat(again.evidenceFiles).isZero();
        assertThat(again.victimAdditions).isZero();
        assertThat(again.auditEntries).isZero();
        assertThat(report(closed.reference())).isEqualTo(anonymised);
    }

    // --- fixtures

    /**
     * A fly-tipping report in the ward, with safe-contact answers, equality monitoring answers, a file
     * of evidence and an addition from the victim, closed now.
     */
    private Case closedReportWithEverything(TestWard ward) throws SQLException {
        Case reported = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", ward.code()), "COUNCIL_ASB");
        long id = id(reported);
        update("UPDATE report SET safe_contact = 'CALL,TEXT', safe_contact_times = 'Evenings after 6', latitude = 52.136, "
                + "longitude = -0.467 WHERE id = ?", id);
        update("INSERT INTO equality_monitoring (report_id, age_band, sex, ethnicity, disability) VALUES (?, 'AGE_35_44', 'FEMALE', "
                + "'WHITE_BRITISH', 'NO')", id);
        update("INSERT INTO report_evidence (report_id, file_name, media_type, size_bytes, sha256, storage, added_by, added_at) "
                + "VALUES (?, 'bags.txt', 'text/plain', 4, REPEAT('a', 64), 'database', 'victim', UTC_TIMESTAMP(6))", id);
        update("INSERT INTO report_evidence_content (evidence_id, content) SELECT id, 'bags' FROM report_evidence WHERE report_id = ?", id);
        update("INSERT INTO report_event (report_id, occurred_at, kind, is_public, actor, message) VALUES (?, UTC_TIMESTAMP(6), "
                + "'INFORMATION', TRUE, 'victim', 'You added information: it is my neighbour at number 14')", id);
        update("INSERT INTO case_letter (report_id, template_id, template_version, body, sent_by, sent_at) SELECT ?, id, 1, "
                + "'Dear Jo Bloggs, 14 Mill Lane', 'triage', UTC_TIMESTAMP(6) FROM letter_template WHERE code = 'WARNING'", id);
        update("INSERT INTO case_review (report_id, reviewed_at, reviewed_by, note) VALUES (?, UTC_TIMESTAMP(6), 'triage', "
                + "'Spoke to Jo Bloggs at number 14')", id);
        update("INSERT INTO case_action (report_id, type, description, owner_name, due_on, status, result, recorded_by, recorded_at) "
                + "VALUES (?, 'WARNING', 'Warn Jo Bloggs at 14 Mill Lane', 'Tom Triage', CURRENT_DATE, 'DONE', 'Jo agreed', 'triage', "
                + "UTC_TIMESTAMP(6))", id);
        given().auth().preemptive().basic("triage", DemoAccounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("outcome", "RESOLVED"))
                .when().post("/api/v1/cases/" + reported.reference() + "/close")
                .then().statusCode(200);
        return reported;
    }

    /** The moment {@code days} days after the 24 months following the closure at {@link TestDates#NOW}. */
    private static Instant afterClosure(int days) {
        return TestDates.NOW.atZone(TestDates.LONDON).plus(REPORTS_KEPT).plusDays(days).toInstant();
    }

    private void at(Instant instant) {
        clock.fixAt(instant);
    }

    /** The published figures and the ward's summary, as text. */
    private static List<String> figures(TestWard ward) {
        return List.of(
                given().when().get("/figures/figures.csv").then().statusCode(200).extract().asString(),
                given().when().get("/community-trigger/figures.csv").then().statusCode(200).extract().asString(),
                StaffApi.as("admin").get("/api/v1/wards/{code}/summary", ward.code()).then().statusCode(200).extract().asString());
    }

    private void insertAudit(Instant at, String action) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_entry (occurred_at, actor, action, reference, detail) VALUES (?, 'test', ?, NULL, NULL)")) {
            insert.setObject(1, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.setString(2, action);
            insert.executeUpdate();
        }
    }

    private long id(Case reported) throws SQLException {
        return count("SELECT id FROM report WHERE reference = ?", reported.reference());
    }

    private Map<String, Object> report(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM report WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    Object value = row.getObject(i);
                    columns.put(row.getMetaData().getColumnLabel(i), value instanceof Timestamp t ? t.toInstant() : value);
                }
                return columns;
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setObject(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<String> strings(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setObject(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private void update(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }
}
