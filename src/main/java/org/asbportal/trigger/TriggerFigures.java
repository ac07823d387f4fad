package org.asbportal.trigger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.web.Calendar;
import org.asbportal.trigger.ReviewViews.YearFigures;
import org.asbportal.web.InvalidSubmissionException;

/**
 * The figures a partnership publishes each year about the Community Trigger, counted from the
 * applications themselves (never stored counters), for years starting in
 * {@code asb.trigger.year-start-month} (April): applications received in the year; threshold
 * decisions in the year that found it not met (a review going ahead at discretion is not counted);
 * review meetings held in the year; and those of them that made at least one recommendation. Then
 * the Police and Crime Commissioner's reviews of "threshold not met" decisions: asked for in the year,
 * and decided in the year, upheld or overturned. No personal data: counts only.
 */
@ApplicationScoped
public class TriggerFigures {

    /** The Community Trigger began in October 2014: no year of figures starts before 2014. */
    static final int FIRST_YEAR = 2014;

    private final int startMonth;
    private final Calendar calendar;

    public TriggerFigures(TriggerConfig config, Calendar calendar) {
        this.startMonth = config.yearStartMonth();
        this.calendar = calendar;
    }

    /** A portal report that an application cites as one of its complaints. */
    public record CitedReport(long applicationId, long reportId) {
    }

    /**
     * The portal reports cited by applications submitted from {@code from} (included) to {@code to}
     * (excluded): those the applicant showed were theirs, or the coordinator confirmed. A reference
     * cited without proof, never confirmed, is not counted: anyone can type one.
     */
    @Transactional
    public List<CitedReport> reportsCited(Instant from, Instant to) {
        return TriggerComplaint.getEntityManager().createQuery("select c.application.id, c.report.id from TriggerComplaint c "
                + "where c.report is not null and (c.toConfirm = false or c.confirmation = ?3) "
                + "and c.application.submittedAt >= ?1 and c.application.submittedAt < ?2", Object[].class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, TriggerComplaint.Confirmation.CONFIRMED)
                .getResultStream()
                .map(row -> new CitedReport((Long) row[0], (Long) row[1]))
                .toList();
    }

    /** Every year from the one of the first application to the current one, the latest first. */
    @Transactional
    public List<YearFigures> years() {
        int current = yearOf(calendar.today());
        LocalDate first = TriggerApplication.getEntityManager()
                .createQuery("select min(a.receivedOn) from TriggerApplication a", LocalDate.class).getSingleResult();
        int earliest = first == null ? current : Math.min(current, yearOf(first));
        List<YearFigures> years = new ArrayList<>();
        for (int year = current; year >= earliest; year--) {
            years.add(count(year));
        }
        return years;
    }

    /**
     * The figures of the year starting in {@code startYear}.
     *
     * @throws InvalidSubmissionException for a year before the Community Trigger or after the current one
     */
    @Transactional
    public YearFigures year(String startYear) {
        int current = yearOf(calendar.today());
        int year;
        try {
            year = Integer.parseInt(startYear == null ? "" : startYear.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSubmissionException("year", "Give the year the period starts in, like " + current);
        }
        if (year < FIRST_YEAR || year > current) {
            throw new InvalidSubmissionException("year", "Give a year from " + FIRST_YEAR + " to " + current);
        }
        return count(year);
    }

    /** The year (as the year it starts in) that {@code day} falls in. */
    int yearOf(LocalDate day) {
        return day.getMonthValue() >= startMonth ? day.getYear() : day.getYear() - 1;
    }

    private YearFigures count(int year) {
        LocalDate from = LocalDate.of(year, startMonth, 1);
        LocalDate to = from.plusYears(1);
        long received = TriggerApplication.count("receivedOn >= ?1 and receivedOn < ?2", from, to);
        long notMet = TriggerApplication.count("decidedOn >= ?1 and decidedOn < ?2 and decisionMet = false "
                + "and decisionDiscretionary = false", from, to);
        long reviews = TriggerApplication.count("meetingOn >= ?1 and meetingOn < ?2", from, to);
        long withRecommendations = TriggerApplication.count("from TriggerApplication a where a.meetingOn >= ?1 "
                + "and a.meetingOn < ?2 and exists (select r.id from TriggerRecommendation r where r.application = a)", from, to);
        long pccRequested = TriggerPccReview.count("requestedAt >= ?1 and requestedAt < ?2",
                from.atStartOfDay(calendar.zone()).toInstant(), to.atStartOfDay(calendar.zone()).toInstant());
        long pccUpheld = TriggerPccReview.count("decidedOn >= ?1 and decidedOn < ?2 and decision = ?3", from, to,
                TriggerPccReview.Decision.UPHELD);
        long pccOverturned = TriggerPccReview.count("decidedOn >= ?1 and decidedOn < ?2 and decision = ?3", from, to,
                TriggerPccReview.Decision.OVERTURNED);
        return new YearFigures(year, label(year), from, to.minusDays(1), received, notMet, reviews, withRecommendations,
                pccRequested, pccUpheld, pccOverturned);
    }

    private String label(int year) {
        return startMonth == 1 ? String.valueOf(year) : year + " to " + (year + 1);
    }
}
