package org.asbportal.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subject access, erasure and legal holds: everything held about one person is found by their email,
 * phone or a reference and given as JSON and a printable page, with nothing of anyone else's; the
 * search is audited without the term; erasure anonymises what was found; a hold stops both erasure
 * and the retention job until it is lifted.
 */
@QuarkusTest
class SubjectAccessTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    RetentionService retention;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    /** One person's records of every kind. */
    record Person(String email, String phone, Case report, String application) {
    }

    @Test
    void theCopyHoldsEveryKindOfRecordOfThePersonAndNothingOfAnother() throws SQLException {
        Person person = personWithEverything();
        Person other = personWithEverything();
        StaffSession admin = StaffSession.signIn("admin");

        long request = search(admin, person.email().toUpperCase());
        Response download = admin.get("/admin/subject-access/" + request + "/copy.json");

        download.then().statusCode(200).contentType(ContentType.JSON)
                .header("Content-Disposition", containsString("attachment; filename=\"subject-access-" + request + ".json\""));
        JsonPath copy = download.jsonPath();
        assertThat(copy.getList("reports.reference")).containsExactly(person.report().reference());
        assertThat(copy.getString("reports[0].reporter_email")).isEqualTo(person.email());
        assertThat(copy.getString("reports[0].description")).startsWith("Mattresses and bin bags");
        assertThat(copy.getList("reports[0].case_history.kind")).isNotEmpty();
        assertThat(copy.getList("reports[0].victim_additions.message")).containsExactly("It is the van from number 14");
        assertThat(copy.getList("reports[0].evidence_files.file_name")).containsExactly("bags.txt");
        assertThat(copy.getList("reports[0].equality_answers.age_band")).containsExactly("AGE_35_44");
        assertThat(copy.getList("community_trigger_applications.reference")).containsExactly(person.application());
        assertThat(copy.getList("community_trigger_applications[0].history")).isNotEmpty();
        assertThat(copy.getList("pledge_contacts.email")).containsExactly(person.email());
        assertThat(copy.getList("emails_sent.recipient")).isNotEmpty().allMatch(person.email()::equals);
        assertThat(copy.getList("emails_sent.subject")).contains("Your report");
        assertThat(copy.getList("audit_entries.action")).contains("CASE_READ");
        assertThat(copy.getList("audit_entries.reference")).containsOnly(person.report().reference(), person.application());
        String text = download.asString();
        assertThat(text).doesNotContain(other.email()).doesNotContain(other.report().reference()).doesNotContain(other.application())
                .doesNotContain(other.phone().replace(" ", ""));

        admin.get("/admin/subject-access/" + request).then().statusCode(200)
                .body(containsString(person.report().reference())).body(containsString(person.application()))
                .body(containsString("bags.txt")).body(containsString("It is the van from number 14"))
                .body(not(containsString(other.report().reference()))).body(not(containsString(other.email())));

        List<String> audit = strings("SELECT CONCAT(action, ' ', COALESCE(detail, '')) FROM audit_entry WHERE actor = 'admin' "
                + "AND action LIKE 'SUBJECT_ACCESS%' AND detail LIKE ? ORDER BY id", "request " + request + " %");
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).startsWith("SUBJECT_ACCESS_SEARCH request " + request + " by email")
                .contains("reports [" + id(person.report().reference()) + "]");
        assertThat(audit.get(1)).isEqualTo("SUBJECT_ACCESS_COPY request " + request + " as json");
        assertThat(audit.get(2)).isEqualTo("SUBJECT_ACCESS_COPY request " + request + " as page");
        assertThat(String.join("\n", audit)).doesNotContainIgnoringCase(person.email()).doesNotContain(person.phone());
    }

    @Test
    void aReferenceOrAPhoneNumberFindsThePersonsOtherRecords() throws SQLException {
        Person person = personWithEverything();
        StaffSession admin = StaffSession.signIn("admin");

        JsonPath byReference = admin.get("/admin/subject-access/" + search(admin, " " + person.application().toLowerCase())
                + "/copy.json").jsonPath();
        assertThat(byReference.getList("reports.reference")).containsExactly(person.report().reference());
        assertThat(byReference.getList("community_trigger_applications.reference")).containsExactly(person.application());

        JsonPath byPhone = admin.get("/admin/subject-access/" + search(admin, "+44 " + person.phone().substring(1))
                + "/copy.json").jsonPath();
        assertThat(byPhone.getList("reports.reference")).containsExactly(person.report().reference());
        assertThat(byPhone.getList("community_trigger_applications.reference")).containsExactly(person.application());
    }

    @Test
    void aSearchForNothingRecognisableIsRefusedWithAMessage() {
        StaffSession admin = StaffSession.signIn("admin");
        admin.post("/admin/subject-access", Map.of("term", "")).then().statusCode(400)
                .body(containsString("govuk-error-summary")).body(containsString("Enter an email address, phone number or reference"));
        admin.post("/admin/subject-access", Map.of("term", "Sam Resident")).then().statusCode(400)
                .body(containsString("Enter an email address (like name@example.org)"));
        admin.get("/admin/subject-access/not-a-number").then().statusCode(404);
    }

    @Test
    void erasureAnonymisesWhatWasFoundAndNothingElse() throws SQLException {
        Person person = personWithEverything();
        Person other = personWithEverything();
        StaffSession admin = StaffSession.signIn("admin");
        long request = search(admin, person.email());

        admin.post("/admin/subject-access/" + request + "/erase", Map.of("reason", "", "confirm", "")).then().statusCode(400)
                .body(containsString("Enter why the data is being erased"))
                .body(containsString("Confirm that the records listed are to be erased"));
        assertThat(strings("SELECT reporter_email FROM report WHERE reference = ?", person.report().reference()))
                .containsExactly(person.email());

        Response erased = admin.post("/admin/subject-access/" + request + "/erase",
                Map.of("reason", "Erasure request by email", "confirm", "yes"));
        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(erased.header("Location")).endsWith("/admin/subject-access/" + request + "?erased=1");
        admin.get("/admin/subject-access/" + request + "?erased=1").then().statusCode(200)
                .body(containsString("The records listed were erased"));

        assertThat(strings("SELECT CONCAT_WS('|', COALESCE(reporter_email, '-'), description, anonymised_at IS NOT NULL) FROM report "
                + "WHERE reference = ?", person.report().reference())).containsExactly("-|" + RetentionService.REMOVED + "|1");
        assertThat(count("SELECT COUNT(*) FROM equality_monitoring e JOIN report r ON r.id = e.report_id WHERE r.reference = ?",
                person.report().reference())).isZero();
        assertThat(strings("SELECT CONCAT_WS('|', applicant_name, COALESCE(applicant_email, '-'), description) "
                + "FROM trigger_application WHERE reference = ?", person.application()))
                .containsExactly(RetentionService.REMOVED + "|-|" + RetentionService.REMOVED);
        assertThat(count("SELECT COUNT(*) FROM pledge_contact WHERE email = ?", person.email())).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", person.email())).isZero();
        assertThat(strings("SELECT reporter_email FROM report WHERE reference = ?", other.report().reference()))
                .containsExactly(other.email());
        assertThat(count("SELECT COUNT(*) FROM pledge_contact WHERE email = ?", other.email())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ?", other.email())).isGreaterThanOrEqualTo(1);
        assertThat(strings("SELECT detail FROM audit_entry WHERE action = 'SUBJECT_ERASURE' AND detail LIKE ?", "request " + request + ":%"))
                .singleElement().asString().contains("reports=1").contains("applications=1").contains("pledge_contacts=1");
    }

    @Test
    void aHeldReportIsRefusedByErasureAndSkippedByTheJobUntilTheHoldIsLifted() throws SQLException {
        Person person = personWithEverything();
        StaffSession admin = StaffSession.signIn("admin");
        String reference = person.report().reference();
        given().auth().preemptive().basic("triage", DemoAccounts.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("outcome", "RESOLVED")).when().post("/api/v1/cases/" + reference + "/close").then().statusCode(200);

        admin.post("/admin/retention/holds", Map.of("holdReference", "", "holdReason", "")).then().statusCode(400)
                .body(containsString("Enter a reference like ASB-7KQ4-M9XP"));
        admin.post("/admin/retention/holds", Map.of("holdReference", reference, "holdReason", "")).then().statusCode(400)
                .body(containsString("Enter why the record is held"));
        Response held = admin.post("/admin/retention/holds", Map.of("holdReference", reference.toLowerCase(),
                "holdReason", "Possession proceedings under way"));
        assertThat(held.header("Location")).endsWith("/admin/retention?done=held");
        admin.get("/admin/retention").then().statusCode(200).body(containsString(reference))
                .body(containsString("Possession proceedings under way"));
        admin.post("/admin/retention/holds", Map.of("holdReference", reference, "holdReason", "Again")).then().statusCode(400)
                .body(containsString("is held already"));

        long request = search(admin, person.email());
        admin.post("/admin/subject-access/" + request + "/erase", Map.of("reason", "Asked by email", "confirm", "yes"))
                .then().statusCode(400).body(containsString("lift the hold on " + reference));

        Instant due = TestDates.NOW.atZone(TestDates.LONDON).plus(Period.ofMonths(24)).plusDays(1).toInstant();
        clock.fixAt(due);
        retention.run(false, "system");
        assertThat(strings("SELECT reporter_email FROM report WHERE reference = ?", reference)).containsExactly(person.email());

        clock.fixAt(TestDates.NOW); // the administrator's session is of today
        long hold = count("SELECT id FROM legal_hold WHERE reference = ? AND lifted_at IS NULL", reference);
        assertThat(admin.post("/admin/retention/holds/" + hold + "/lift", Map.of()).header("Location"))
                .endsWith("/admin/retention?done=lifted");
        clock.fixAt(due);
        retention.run(false, "system");
        assertThat(strings("SELECT COALESCE(reporter_email, '-') FROM report WHERE reference = ?", reference)).containsExactly("-");
        assertThat(strings("SELECT action FROM audit_entry WHERE reference = ? AND action LIKE 'LEGAL_HOLD%' ORDER BY id", reference))
                .containsExactly("LEGAL_HOLD_PLACED", "LEGAL_HOLD_LIFTED");
    }

    // --- fixtures

    private static long search(StaffSession admin, String term) {
        Response found = admin.post("/admin/subject-access", Map.of("term", term));
        assertThat(found.statusCode()).as(found.asString()).isEqualTo(303);
        String location = found.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /**
     * A person with a report (equality answers, an evidence file, an addition, an email sent and a
     * member of staff's read), a Community Trigger application and a PLEDGE contact record.
     */
    private Person personWithEverything() throws SQLException {
        String unique = ReportRequests.unique();
        String email = "subject." + unique + "@example.org";
        String phone = "07700 9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        Case report = Cases.report(Cases.requestFor("COUNCIL_ASB").with("reporter.email", email).with("reporter.phone", phone),
                "COUNCIL_ASB");
        long id = id(report.reference());
        update("INSERT INTO equality_monitoring (report_id, age_band, sex, ethnicity, disability) VALUES (?, 'AGE_35_44', 'FEMALE', "
                + "'WHITE_BRITISH', 'NO')", id);
        update("INSERT INTO report_evidence (report_id, file_name, media_type, size_bytes, sha256, storage, added_by, added_at) "
                + "VALUES (?, 'bags.txt', 'text/plain', 4, REPEAT('a', 64), 'database', 'victim', UTC_TIMESTAMP(6))", id);
        update("INSERT INTO report_event (report_id, occurred_at, kind, is_public, actor, message) VALUES (?, UTC_TIMESTAMP(6), "
                + "'INFORMATION', TRUE, 'victim', 'It is the van from number 14')", id);
        execute("INSERT INTO outbox_message (created_at, kind, recipient, subject, body_text, body_html, report_reference, "
                + "next_attempt_at, status) VALUES (UTC_TIMESTAMP(6), 'TEST', ?, 'Your report', 'Thank you', '<p>Thank you</p>', ?, "
                + "UTC_TIMESTAMP(6), 'SENT')", email, report.reference());
        execute("INSERT INTO audit_entry (occurred_at, actor, action, reference, detail) VALUES (UTC_TIMESTAMP(6), 'caseworker', "
                + "'CASE_READ', ?, NULL)", report.reference());

        Body application = new Body();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Alex Subject");
        applicant.put("email", email);
        applicant.put("phone", phone);
        applicant.put("type", "PERSON");
        application.put("applicant", applicant);
        application.put("description", "Shouting every night, application " + unique);
        application.put("impact", "I cannot sleep.");
        application.put("hateMotivated", false);
        application.put("reportReferences", new ArrayList<>(List.of(report.reference())));
        application.put("otherComplaints", new ArrayList<>());
        String applicationReference = given().contentType(ContentType.JSON).body(application.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/community-trigger/applications").then().log().ifValidationFails().statusCode(201).extract().path("reference");
        execute("INSERT INTO audit_entry (occurred_at, actor, action, reference, detail) VALUES (UTC_TIMESTAMP(6), 'coordinator', "
                + "'TRIGGER_READ', ?, NULL)", applicationReference);

        execute("INSERT INTO pledge_organisation (name, type, created_at) VALUES (?, 'HOUSING', UTC_TIMESTAMP(6))", "Homes " + unique);
        execute("INSERT INTO pledge_contact (organisation_id, name, email, created_at) SELECT id, 'Alex Subject', ?, UTC_TIMESTAMP(6) "
                + "FROM pledge_organisation WHERE name = ?", email, "Homes " + unique);
        return new Person(email, phone, report, applicationReference);
    }

    private long id(String reference) throws SQLException {
        return count("SELECT id FROM report WHERE reference = ?", reference);
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

    private List<String> strings(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
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
        execute(sql, id);
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
