package org.asbportal.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The privacy notice and the consent wording are versioned as data: the notice page shows the version
 * in force with its date, and each report records the version in force when it was sent. A new
 * version takes effect on its date, not a day before.
 */
@QuarkusTest
class PrivacyNoticeVersionTest {

    static final int NEXT = 900_001;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    ReportRows db;

    @BeforeEach
    void setUp() {
        db = new ReportRows(dataSource);
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void tearDown() {
        db.update("DELETE FROM privacy_notice_version WHERE id = ?", NEXT);
        clock.useSystemTime();
    }

    @Test
    void eachReportRecordsTheNoticeInForceAndTheNoticeShowsItsVersion() {
        given().get("/privacy").then().statusCode(200).body(containsString("Version 1.0, in force from Wednesday 1 January 2020."));
        db.update("INSERT INTO privacy_notice_version (id, label, effective_from, consent_text) VALUES (?, '2.0', ?, "
                + "'Partners may need your report to act on it.')", NEXT, TestDates.today().plusDays(1));

        Case before = Cases.reportInto("COUNCIL_ASB");
        assertEquals(1, db.report(before.reference()).number("privacy_notice_version"), "the new version is not in force yet");

        clock.fixAt(TestDates.NOW.plusSeconds(24 * 3600));
        Case after = Cases.reportInto("COUNCIL_ASB");
        assertEquals(NEXT, db.report(after.reference()).number("privacy_notice_version"));
        given().get("/privacy").then().statusCode(200).body(containsString("Version 2.0, in force from Thursday 12 March 2026."));
    }
}
