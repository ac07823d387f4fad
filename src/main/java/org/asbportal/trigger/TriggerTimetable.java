package org.asbportal.trigger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.asbportal.web.Calendar;

/**
 * When each step of a review is due, in working days ({@link Calendar}: weekends and the
 * configured bank holidays are not counted). Acknowledging and the threshold decision count from the
 * day the application was received; agencies' information and the review meeting from the threshold
 * decision; the outcome from the meeting. Until a step is done, later steps count from its due date.
 * <p>
 * Built at start-up, so that a deadline of no working days or a year starting in no month stops the
 * portal from starting.
 */
@Startup
@ApplicationScoped
public class TriggerTimetable {

    private final Calendar calendar;
    private final TriggerConfig.Deadlines deadlines;

    public TriggerTimetable(TriggerConfig config, Calendar calendar) {
        this.calendar = calendar;
        this.deadlines = config.deadlines();
        checkPositive("acknowledge", deadlines.acknowledge());
        checkPositive("threshold-decision", deadlines.thresholdDecision());
        checkPositive("agency-information", deadlines.agencyInformation());
        checkPositive("review-meeting", deadlines.reviewMeeting());
        checkPositive("outcome", deadlines.outcome());
        if (config.yearStartMonth() < 1 || config.yearStartMonth() > 12) {
            throw new IllegalStateException("asb.trigger.year-start-month (ASB_TRIGGER_YEAR_START_MONTH) is "
                    + config.yearStartMonth() + ": it must be a month from 1 (January) to 12 (December)");
        }
    }

    /** Due dates of every step of an application received on {@code receivedOn}, in step order. */
    public Map<TriggerStep, LocalDate> dueDates(LocalDate receivedOn) {
        Map<TriggerStep, LocalDate> due = new EnumMap<>(TriggerStep.class);
        due.put(TriggerStep.ACKNOWLEDGE, calendar.addWorkingDays(receivedOn, deadlines.acknowledge()));
        LocalDate decision = calendar.addWorkingDays(receivedOn, deadlines.thresholdDecision());
        due.put(TriggerStep.THRESHOLD_DECISION, decision);
        due.put(TriggerStep.AGENCY_INFORMATION, calendar.addWorkingDays(decision, deadlines.agencyInformation()));
        LocalDate meeting = calendar.addWorkingDays(decision, deadlines.reviewMeeting());
        due.put(TriggerStep.REVIEW_MEETING, meeting);
        due.put(TriggerStep.OUTCOME, calendar.addWorkingDays(meeting, deadlines.outcome()));
        return due;
    }

    /** When agencies' information and the review meeting are due, counted from the day the threshold was decided. */
    public Map<TriggerStep, LocalDate> afterDecision(LocalDate decidedOn) {
        Map<TriggerStep, LocalDate> due = new EnumMap<>(TriggerStep.class);
        due.put(TriggerStep.AGENCY_INFORMATION, calendar.addWorkingDays(decidedOn, deadlines.agencyInformation()));
        LocalDate meeting = calendar.addWorkingDays(decidedOn, deadlines.reviewMeeting());
        due.put(TriggerStep.REVIEW_MEETING, meeting);
        due.put(TriggerStep.OUTCOME, outcomeDue(meeting));
        return due;
    }

    /** When the outcome is due after a review meeting on {@code meetingOn}. */
    public LocalDate outcomeDue(LocalDate meetingOn) {
        return calendar.addWorkingDays(meetingOn, deadlines.outcome());
    }

    private static void checkPositive(String step, int days) {
        if (days < 1) {
            throw new IllegalStateException("asb.trigger.deadlines." + step + " is " + days
                    + ": a step must be given at least 1 working day");
        }
    }
}
