package org.asbportal.trigger;

import static org.asbportal.trigger.Reviews.acknowledge;
import static org.asbportal.trigger.Reviews.agencyInformation;
import static org.asbportal.trigger.Reviews.decideMet;
import static org.asbportal.trigger.Reviews.meeting;
import static org.asbportal.trigger.Reviews.meetingTheThreshold;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.junit.jupiter.api.Test;

/**
 * The later steps' deadlines are counted from the day the threshold is decided, and the outcome's
 * from the day of the meeting, in working days over weekends and the partnership's bank holidays:
 * England and Wales's by default, among them the summer bank holiday of 2026, Monday 31 August.
 */
@QuarkusTest
class TriggerDeadlinesTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 8, 20);
    /** A Friday, before the weekend and the bank holiday. */
    static final LocalDate FRIDAY_BEFORE_THE_HOLIDAY = LocalDate.of(2026, 8, 28);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void decidingOnTheFridayBeforeABankHolidayCountsTheLaterStepsFromTheTuesday() {
        String reference = receivedOn(RECEIVED);
        acknowledge(reference).then().statusCode(200);

        decideMet(reference, FRIDAY_BEFORE_THE_HOLIDAY.toString()).then().statusCode(200)
                .body("decision.decidedOn", equalTo("2026-08-28"))
                .body("steps.step", contains("ACKNOWLEDGE", "THRESHOLD_DECISION", "AGENCY_INFORMATION", "REVIEW_MEETING", "OUTCOME"))
                // 10 working days: Tuesday 1 September is the first, Monday 14 September the tenth
                .body("steps[2].dueBy", equalTo("2026-09-14"))
                // 20 working days: Monday 28 September
                .body("steps[3].dueBy", equalTo("2026-09-28"))
                // until the meeting, the outcome counts 5 working days from the meeting's due date
                .body("steps[4].dueBy", equalTo("2026-10-05"));
    }

    @Test
    void aMeetingOnTheFridayBeforeTheHolidaySetsTheOutcomeFiveWorkingDaysLater() {
        String reference = receivedOn(RECEIVED);
        acknowledge(reference).then().statusCode(200);
        decideMet(reference, FRIDAY_BEFORE_THE_HOLIDAY.toString()).then().statusCode(200);
        agencyInformation(reference).then().statusCode(200);

        meeting(reference, FRIDAY_BEFORE_THE_HOLIDAY.toString()).then().statusCode(200)
                .body("meeting.heldOn", equalTo("2026-08-28"))
                // Tuesday 1 to Friday 4 September are four working days, Monday 7 September the fifth
                .body("steps[4].dueBy", equalTo("2026-09-07"));
    }

    @Test
    void aDecisionBeforeTheApplicationWasReceivedIsRefused() {
        String reference = receivedOn(RECEIVED);
        acknowledge(reference).then().statusCode(200);

        decideMet(reference, "2026-08-19").then().statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"))
                .body("errors[0].message", equalTo("The date of the decision must be on or after the date the "
                        + "application was received, Thursday 20 August 2026"));
    }

    /** An application as if received on {@code day}: saved today, then dated back. */
    private String receivedOn(LocalDate day) {
        String reference = meetingTheThreshold(Victims.uniqueEmail()).reference();
        new ReportRows(dataSource).update("UPDATE trigger_application SET received_on = ? WHERE reference = ?", day, reference);
        return reference;
    }
}
