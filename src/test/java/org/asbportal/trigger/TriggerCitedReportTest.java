package org.asbportal.trigger;

import static org.asbportal.trigger.Reviews.meetingTheThreshold;
import static org.asbportal.trigger.TriggerRequests.portalReport;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator reads, read only, the portal reports an application cites — not any other report —
 * and each read is audited.
 */
@QuarkusTest
class TriggerCitedReportTest {

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void setUp() {
        db = new ReportRows(dataSource);
    }

    @Test
    void theCoordinatorReadsACitedReportWithItsHistoryAndTheReadIsAudited() {
        String application = meetingTheThreshold(Victims.uniqueEmail()).reference();
        List<String> cited = db.rows("SELECT c.report_reference FROM trigger_complaint c JOIN trigger_application a "
                + "ON a.id = c.application_id WHERE a.reference = ? ORDER BY c.position", application).stream()
                .map(row -> row.string("report_reference")).toList();
        String report = cited.get(1);
        ReportRows.Row saved = db.report(report);
        StaffSession coordinator = StaffSession.signIn("coordinator");
        coordinator.get("/staff/cases/" + report).then().statusCode(403);

        coordinator.get("/staff/community-trigger/" + application).then().statusCode(200)
                .body(containsString("href=\"/staff/community-trigger/" + application + "/reports/" + report + "\""));
        String page = coordinator.get("/staff/community-trigger/" + application + "/reports/" + report).then().statusCode(200)
                .body(containsString("<h1 class=\"govuk-heading-xl\">Report " + report + "</h1>"))
                .body(containsString("Complaint 2 of application " + application))
                .body(containsString(saved.string("description")))
                .body(containsString("id=\"report-status\">"
                        + org.asbportal.report.ReportStatus.valueOf(saved.string("status")).label()))
                .body(containsString("Victim sees this"))
                .body(containsString("Internal"))
                .extract().asString();
        assertEquals(List.of("/logout"), org.jsoup.Jsoup.parse(page).select("main form").eachAttr("action"),
                "read only: no form but signing out");
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE actor = 'coordinator' "
                + "AND action = 'READ_TRIGGER_CITED_REPORT' AND reference = ? AND detail = ?", report, application));
    }

    @Test
    void aReportTheApplicationDoesNotCiteIsNotFound() {
        String application = meetingTheThreshold(Victims.uniqueEmail()).reference();
        String other = portalReport(4);
        StaffSession coordinator = StaffSession.signIn("coordinator");

        coordinator.get("/staff/community-trigger/" + application + "/reports/" + other).then().statusCode(404);
        coordinator.get("/staff/community-trigger/CT-2222-2222/reports/" + other).then().statusCode(404);
        coordinator.get("/staff/community-trigger/" + application + "/reports/not-a-reference").then().statusCode(404);
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'READ_TRIGGER_CITED_REPORT' "
                + "AND reference = ?", other));
    }
}
