package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.web.Calendar;
import org.asbportal.web.CsvText;
import org.asbportal.web.InvalidSubmissionException;

/**
 * The year's case-review data for the return to the Home Office: one row per application received in
 * the year, with what happened to it — the threshold, the review, its recommendations, the outcome and
 * any review by the Police and Crime Commissioner. No names and no contact details. The year is the
 * financial year (from April, or the month the partnership's published figures start in,
 * {@code asb.trigger.year-start-month}) unless a calendar year is asked for. Each download is audited.
 */
@ApplicationScoped
public class TriggerHomeOfficeReturn {

    /** The columns of the return, in order. */
    static final List<String> COLUMNS = List.of("reference", "received_on", "channel", "applicant_type", "on_behalf_of_victim",
            "hate_motivated", "threshold_met", "threshold_decided_on", "review_held", "review_meeting_on",
            "recommendations_made", "outcome", "outcome_on", "pcc_review_requested", "pcc_review_decision", "pcc_decided_on");

    /** Which year: the financial year (from the configured month, April by default) or the calendar year. */
    public enum Period {
        FINANCIAL, CALENDAR
    }

    /** The chosen year, its first and last day, and its name ("2026 to 2027", "2026"). */
    public record Year(int startYear, Period period, LocalDate from, LocalDate to, String label) {
    }

    private final TriggerFigures figures;
    private final TriggerConfig config;
    private final Calendar calendar;
    private final CurrentStaff staff;
    private final AuditLog audit;

    public TriggerHomeOfficeReturn(TriggerFigures figures, TriggerConfig config, Calendar calendar, CurrentStaff staff,
            AuditLog audit) {
        this.figures = figures;
        this.config = config;
        this.calendar = calendar;
        this.staff = staff;
        this.audit = audit;
    }

    /** The year a download starts in by default: the last complete financial year. */
    public int defaultYear() {
        return figures.yearOf(calendar.today()) - 1;
    }

    /**
     * The year asked for.
     *
     * @throws InvalidSubmissionException for a year that is not a number from 2014 to the current one, or an unknown period
     */
    public Year year(String startYear, String period) {
        Period which;
        try {
            which = period == null || period.isBlank() ? Period.FINANCIAL : Period.valueOf(period.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubmissionException("period", "Select a financial year or a calendar year");
        }
        int current = which == Period.CALENDAR ? calendar.today().getYear() : figures.yearOf(calendar.today());
        int year;
        try {
            year = Integer.parseInt(startYear == null ? "" : startYear.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSubmissionException("year", "Enter the year the return starts in, like " + (current - 1));
        }
        if (year < TriggerFigures.FIRST_YEAR || year > current) {
            throw new InvalidSubmissionException("year", "Enter a year from " + TriggerFigures.FIRST_YEAR + " to " + current);
        }
        int startMonth = which == Period.CALENDAR ? 1 : config.yearStartMonth();
        LocalDate from = LocalDate.of(year, startMonth, 1);
        return new Year(year, which, from, from.plusYears(1).minusDays(1),
                startMonth == 1 ? String.valueOf(year) : year + " to " + (year + 1));
    }

    /** The return as CSV, one row per application received in the year. Audited. */
    @Transactional
    public String csv(Year year) {
        List<TriggerApplication> applications = TriggerApplication.list("receivedOn >= ?1 and receivedOn <= ?2 order by receivedOn, id",
                year.from(), year.to());
        Map<Long, TriggerPccReview> pcc = applications.isEmpty() ? Map.of()
                : TriggerPccReview.<TriggerPccReview>list("application in ?1", applications).stream()
                        .collect(Collectors.toMap(r -> r.application.id, Function.identity()));
        Map<Long, Long> recommendations = applications.isEmpty() ? Map.of()
                : TriggerRecommendation.getEntityManager().createQuery("select r.application.id, count(r) from TriggerRecommendation r "
                        + "where r.application in ?1 group by r.application.id", Object[].class)
                        .setParameter(1, applications).getResultStream()
                        .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        CsvText csv = new CsvText().row(COLUMNS);
        for (TriggerApplication application : applications) {
            TriggerPccReview review = pcc.get(application.id);
            csv.row(application.reference, application.receivedOn, application.channel, application.applicantType,
                    yesNo(application.onBehalfOfName != null), yesNo(application.hateMotivated), threshold(application),
                    application.decidedOn, yesNo(application.meetingOn != null), application.meetingOn,
                    recommendations.getOrDefault(application.id, 0L), application.status.label(), application.outcomeOn,
                    yesNo(review != null), review == null ? null : review.decision == null ? "Not decided yet" : review.decision.name(),
                    review == null ? null : review.decidedOn);
        }
        audit.record(staff.username(), "TRIGGER_RETURN_EXPORT", null, year.period() + " " + year.label() + ": "
                + applications.size() + " applications");
        return csv.toString();
    }

    private static String threshold(TriggerApplication application) {
        if (application.decidedOn == null) {
            return "Not decided yet";
        }
        if (Boolean.TRUE.equals(application.decisionMet)) {
            return "Met";
        }
        if (application.decisionDiscretionary) {
            return "Not met, review at discretion";
        }
        return application.decisionOverturned ? "Not met, overturned by the Police and Crime Commissioner" : "Not met";
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
