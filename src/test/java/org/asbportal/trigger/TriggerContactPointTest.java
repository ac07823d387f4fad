package org.asbportal.trigger;

import static org.asbportal.security.StaffSession.fields;
import static org.asbportal.trigger.Reviews.acknowledge;
import static org.asbportal.trigger.Reviews.agencyInformation;
import static org.asbportal.trigger.Reviews.decideMet;
import static org.asbportal.trigger.Reviews.meeting;
import static org.asbportal.trigger.Reviews.meetingTheThreshold;
import static org.asbportal.trigger.Reviews.post;
import static org.asbportal.trigger.Reviews.version;
import static org.asbportal.trigger.TriggerRequests.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.trigger.Reviews.Application;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator names the applicant's single point of contact; the applicant sees them on /track and
 * in the outcome letter, printed and emailed. The portal's clock is fixed at Wednesday 11 March 2026.
 */
@QuarkusTest
class TriggerContactPointTest {

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
    void theCoordinatorNamesTheContactTheApplicantSeesOnTrackAndInTheLetter() {
        String email = Victims.uniqueEmail();
        Application application = meetingTheThreshold(email);
        String reference = application.reference();
        String path = "/staff/community-trigger/" + reference + "/contact-point";
        StaffSession coordinator = StaffSession.signIn("coordinator");
        Response page = coordinator.get("/staff/community-trigger/" + reference);
        page.then().statusCode(200).body(containsString("No single point of contact named yet"));
        String v = String.valueOf(StaffSession.versionOn(page));

        coordinator.post(path, fields("version", v, "name", " ", "organisation", "", "phone", "", "email", "")).then()
                .statusCode(400)
                .body(containsString("href=\"#spoc-name\""))
                .body(containsString("Enter the name of the single point of contact"))
                .body(containsString("Enter the organisation the single point of contact works for"))
                .body(containsString("Enter a phone number or an email address for the applicant to use"));
        coordinator.post(path, fields("version", v, "name", "Sam Contact", "organisation", "Bedford Borough Council",
                "phone", "call me", "email", "not-an-address")).then().statusCode(400)
                .body(containsString("Enter a telephone number, like 01632 960 001"))
                .body(containsString("Enter an email address in the correct format"))
                .body(containsString("value=\"Sam Contact\""));
        coordinator.post(path, fields("version", "9999", "name", "Sam Contact", "organisation", "Council", "phone", "01632 960 100"))
                .then().statusCode(409).body(containsString("Your change was not saved"));

        Response named = coordinator.post(path, fields("version", v, "name", "Sam Contact", "organisation",
                "Bedford Borough Council", "phone", "01632 960 100", "email", "sam.contact@example.org"));
        assertEquals(303, named.statusCode(), named.asString());
        assertTrue(named.header("Location").endsWith("/staff/community-trigger/" + reference + "?saved=spoc"));
        coordinator.get("/staff/community-trigger/" + reference + "?saved=spoc").then().statusCode(200)
                .body(containsString("Single point of contact recorded"))
                .body(containsString("Sam Contact, Bedford Borough Council, 01632 960 100, sam.contact@example.org"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND actor = 'coordinator' "
                + "AND action = 'TRIGGER_SPOC' AND detail = 'NAMED'", reference));
        Reviews.review(reference).then().body("spoc.name", equalTo("Sam Contact"))
                .body("spoc.organisation", equalTo("Bedford Borough Council"));

        TrackForms.track(application).then().statusCode(200)
                .body(containsString("Your single point of contact"))
                .body(containsString("Sam Contact, Bedford Borough Council"))
                .body(containsString("href=\"mailto:sam.contact@example.org\""));

        // a new contact replaces the first; the history keeps both
        String v2 = String.valueOf(version(reference));
        coordinator.post(path, fields("version", v2, "name", "Kim Other", "organisation", "Bedfordshire Police",
                "email", "kim.other@example.org")).then().statusCode(303);
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND action = 'TRIGGER_SPOC' "
                + "AND detail = 'REPLACED'", reference));
        assertEquals(2, db.count("SELECT COUNT(*) FROM trigger_event e JOIN trigger_application a ON a.id = e.application_id "
                + "WHERE a.reference = ? AND e.kind = 'SPOC' AND e.is_public = TRUE", reference));

        acknowledge(reference).then().statusCode(200);
        decideMet(reference, today().toString()).then().statusCode(200);
        agencyInformation(reference).then().statusCode(200);
        meeting(reference, today().toString()).then().statusCode(200);
        post(reference, "outcome", StaffApi.json("version", version(reference), "summary", "Warnings will be followed up."))
                .then().statusCode(200);
        coordinator.get("/staff/community-trigger/" + reference + "/letter").then().statusCode(200)
                .body(containsString("Your single point of contact"))
                .body(containsString("contact Kim Other, Bedfordshire Police, email kim.other@example.org."))
                .body(not(containsString("Sam Contact")));
        assertEquals(1, db.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND kind = 'TRIGGER_OUTCOME' "
                + "AND body_text LIKE '%contact Kim Other, Bedfordshire Police, email kim.other@example.org.%' "
                + "AND body_html LIKE '%Kim Other%'", email));
    }
}
