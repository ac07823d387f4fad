package org.asbportal.trigger;

import static org.asbportal.security.StaffSession.fields;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applications that do not come online: a coordinator enters one taken by phone, on paper or in
 * person. The same questions are checked with the same messages (about the applicant), the same
 * threshold rules apply, no robot check is asked, the application records how it came and who
 * entered it, the access code is shown once with a letter and works on /track, the emailed
 * confirmation carries the reference but never the code, and sending the form again saves nothing
 * more. The portal's clock is fixed at Wednesday 11 March 2026.
 */
@QuarkusTest
class TriggerTakenByStaffTest {

    static final String PATH = "/staff/community-trigger/new-application";
    private static final Pattern CODE = Pattern.compile("id=\"access-code\">([A-Z0-9-]+)<");
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">([A-Z0-9-]+)<");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    ReportRows db;

    @BeforeEach
    void setUp() {
        clock.fixAt(TestDates.NOW);
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void refusesAnIncompleteApplicationWithTheQuestionsProblemsAndSavesNothing() {
        StaffSession coordinator = StaffSession.signIn("coordinator");
        long before = db.count("SELECT COUNT(*) FROM trigger_application");

        Response refused = coordinator.post(PATH, fields("idempotencyKey", UUID.randomUUID().toString(),
                "otherComplaints-0-agency", "Bedford Borough Council", "otherComplaints-0-behaviourOn-day", "31",
                "otherComplaints-0-behaviourOn-month", "2", "otherComplaints-0-behaviourOn-year", "2026"));

        refused.then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("Select how the application was made"))
                .body(containsString("href=\"#applicant-name\""))
                .body(containsString("Enter the applicant&#39;s name"))
                .body(containsString("Select yes if they are applying for someone else"))
                .body(containsString("Describe the anti-social behaviour you have reported"))
                .body(containsString("href=\"#otherComplaints-0-behaviourOn-day\""))
                .body(containsString("Enter the date you complained"))
                .body(containsString("value=\"Bedford Borough Council\""));
        assertEquals(before, db.count("SELECT COUNT(*) FROM trigger_application"));
    }

    @Test
    void savesAnApplicationTakenByPhoneWithTheCodeShownOnceAndTheReferenceEmailed() {
        String email = Victims.uniqueEmail();
        StaffSession coordinator = StaffSession.signIn("coordinator");
        coordinator.get(PATH).then().statusCode(200)
                .body(containsString("Enter an application taken by phone, on paper or in person"))
                .body(containsString("name=\"idempotencyKey\""));
        Map<String, String> form = application(email);

        Response saved = coordinator.post(PATH, form);

        saved.then().statusCode(200).body(containsString("Application saved"));
        String reference = group(REFERENCE, saved.asString());
        String code = group(CODE, saved.asString());
        saved.then().body(containsString("your access code is " + code));
        Row application = db.rows("SELECT * FROM trigger_application WHERE reference = ?", reference).get(0);
        assertEquals("PHONE", application.string("channel"));
        assertEquals("coordinator", application.string("entered_by"));
        assertEquals("NOT_REQUIRED", application.string("captcha_outcome"));
        assertEquals("Pat Applicant", application.string("applicant_name"));
        assertEquals(1, application.number("privacy_notice_version"), "the privacy notice in force is recorded");
        assertEquals(1, db.count("SELECT COUNT(*) FROM trigger_event e JOIN trigger_application a ON a.id = e.application_id "
                + "WHERE a.reference = ? AND e.kind = 'TAKEN_BY_STAFF' AND e.is_public = FALSE", reference));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE actor = 'coordinator' AND action = 'TRIGGER_TAKEN_BY_STAFF' "
                + "AND reference = ?", reference));
        List<Row> mail = db.rows("SELECT * FROM outbox_message WHERE recipient = ? AND kind = 'TRIGGER_TAKEN'", email);
        assertEquals(1, mail.size());
        assertTrue(mail.get(0).string("body_text").contains(reference));
        assertFalse(mail.get(0).string("body_text").contains(code), "the access code is never emailed");
        assertFalse(mail.get(0).string("body_html").contains(code), "the access code is never emailed");

        StaffSession.anonymous().post("/track", "reference", reference, "accessCode", code).then().statusCode(200)
                .body(containsString(reference));

        Response again = coordinator.post(PATH, form);
        again.then().statusCode(200);
        assertEquals(reference, group(REFERENCE, again.asString()), "the same form sent twice is one application");
        assertEquals(1, db.count("SELECT COUNT(*) FROM trigger_application WHERE applicant_email = ?", email));
    }

    @Test
    void onlyCoordinatorsAndAdministratorsEnterApplications() {
        for (String who : List.of("triage", "caseworker", "reviewer", "councillor")) {
            StaffSession.signIn(who).get(PATH).then().statusCode(403);
            StaffSession.signIn(who).post(PATH, application(Victims.uniqueEmail())).then().statusCode(403);
        }
        StaffSession.signIn("admin").get(PATH).then().statusCode(200);
        assertEquals(302, StaffSession.anonymous().get(PATH).statusCode());
    }

    private static Map<String, String> application(String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", UUID.randomUUID().toString());
        form.put("channel", "PHONE");
        form.put("applicant-name", "Pat Applicant");
        form.put("applicant-email", email);
        form.put("applicant-type", "PERSON");
        form.put("onBehalf", "no");
        form.put("description", "Shouting and banging from the flat below every night since the summer");
        form.put("impact", "I cannot sleep and my children are frightened");
        form.put("hateMotivated", "no");
        for (int i = 0; i < 3; i++) {
            form.putAll(complaint(i));
        }
        return form;
    }

    /** A complaint to another agency in the form's row {@code i}: behaviour on the 1st, complained on the 5th. */
    private static Map<String, String> complaint(int i) {
        if (i > 1) {
            return Map.of();
        }
        String p = "otherComplaints-" + i + "-";
        String month = String.valueOf(i + 1);
        return Map.of(p + "agency", i == 0 ? "Bedford Borough Council" : "Bedfordshire Police",
                p + "behaviourOn-day", "1", p + "behaviourOn-month", month, p + "behaviourOn-year", "2026",
                p + "reportedOn-day", "5", p + "reportedOn-month", month, p + "reportedOn-year", "2026");
    }

    private static String group(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), "found " + pattern + " in the page");
        return matcher.group(1);
    }
}
