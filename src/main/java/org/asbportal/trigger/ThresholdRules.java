package org.asbportal.trigger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether an application meets the Community Trigger threshold, and why each complaint it
 * cites counts or not, in words the applicant can read.
 * <ul>
 * <li>A complaint qualifies when it was made within {@code asb.trigger.complaint-within} (one
 * month) of the behaviour and the application is made within {@code asb.trigger.application-within}
 * (six months) of the complaint. Both are calendar periods added to the earlier date, the end day
 * included: behaviour on 1 April may be reported up to 1 May (30 days later), behaviour on
 * 31 January up to 28 February; a complaint of 15 March supports an application up to 15 September.</li>
 * <li>The same incident is counted once (unless {@code asb.trigger.count-same-incident-once} is
 * false): complaints about behaviour on the same day are one incident, whichever agencies heard of
 * it. The one counted is a portal report rather than a complaint to be confirmed, then the earliest
 * made, then the first listed.</li>
 * <li>Complaints to other agencies count provisionally and are flagged to be confirmed with them.</li>
 * <li>The threshold is {@code asb.trigger.threshold} (3), or {@code asb.trigger.hate-threshold}
 * when the applicant says the behaviour is hate-motivated.</li>
 * </ul>
 * Below the threshold the partnership still decides on persistence, harm and its response: the
 * result is the portal's first assessment, not the partnership's decision.
 * <p>
 * Built at start-up, so that a threshold above the statutory three, or periods shorter than the
 * statutory ones, stop the portal from starting instead of turning victims away.
 */
@Startup
@ApplicationScoped
public class ThresholdRules {

    /** The most complaints the law lets a partnership ask for. */
    static final int STATUTORY_THRESHOLD = 3;
    static final Period STATUTORY_COMPLAINT_WITHIN = Period.ofMonths(1);
    static final Period STATUTORY_APPLICATION_WITHIN = Period.ofMonths(6);

    private final int threshold;
    private final int hateThreshold;
    private final Period complaintWithin;
    private final Period applicationWithin;
    private final boolean countSameIncidentOnce;

    public ThresholdRules(TriggerConfig config) {
        this.threshold = checkThreshold("asb.trigger.threshold (ASB_TRIGGER_THRESHOLD)", config.threshold());
        this.hateThreshold = checkThreshold("asb.trigger.hate-threshold (ASB_TRIGGER_HATE_THRESHOLD)",
                config.hateThreshold().orElse(config.threshold()));
        this.complaintWithin = checkPeriod("asb.trigger.complaint-within (ASB_TRIGGER_COMPLAINT_WITHIN)",
                config.complaintWithin(), STATUTORY_COMPLAINT_WITHIN);
        this.applicationWithin = checkPeriod("asb.trigger.application-within (ASB_TRIGGER_APPLICATION_WITHIN)",
                config.applicationWithin(), STATUTORY_APPLICATION_WITHIN);
        this.countSameIncidentOnce = config.countSameIncidentOnce();
    }

    /** Why a portal report the applicant did not prove (or that does not exist) is not counted: the same words either way. */
    public static final String PORTAL_TO_CONFIRM = "Not counted yet: the partnership will confirm this report with you. "
            + "A report on this website counts straight away when you give its access code, or when it was made with your "
            + "email address or phone number";

    /** A complaint an application cites. Dates are absent for a portal reference that was not found. */
    public record Complaint(ComplaintSource source, String reference, String agency, LocalDate reportedOn,
            LocalDate behaviourOn) {

        public Complaint {
            Objects.requireNonNull(source, "source");
            if ((reportedOn == null) != (behaviourOn == null)) {
                throw new IllegalArgumentException("A complaint has both dates or neither");
            }
        }

        /** A report found on the portal: made on {@code reportedOn}, about behaviour on {@code behaviourOn}. */
        public static Complaint portal(String reference, LocalDate reportedOn, LocalDate behaviourOn) {
            return new Complaint(ComplaintSource.PORTAL, reference, null, Objects.requireNonNull(reportedOn),
                    Objects.requireNonNull(behaviourOn));
        }

        /**
         * A portal reference the applicant did not show was theirs to cite (no matching access code, not
         * their email or phone), or that matches no report: the same to the rules and to the applicant,
         * not counted until the partnership confirms it.
         */
        public static Complaint portalToConfirm(String reference) {
            return new Complaint(ComplaintSource.PORTAL, reference, null, null, null);
        }

        /** A complaint to another agency, as the applicant remembers it. */
        public static Complaint otherAgency(String agency, LocalDate reportedOn, LocalDate behaviourOn) {
            return new Complaint(ComplaintSource.OTHER_AGENCY, null, agency, Objects.requireNonNull(reportedOn),
                    Objects.requireNonNull(behaviourOn));
        }

        boolean found() {
            return reportedOn != null;
        }

        /**
         * Whether the complaint must still be confirmed: with the agency it was made to, or, for a portal
         * report the applicant did not prove, by the coordinator.
         */
        public boolean toConfirm() {
            return source == ComplaintSource.OTHER_AGENCY || !found();
        }
    }

    /**
     * What was decided about one complaint. {@code sameIncidentAs} is the 1-based number of the
     * complaint counted in its place, when it is the same incident.
     */
    public record Verdict(Complaint complaint, boolean qualifies, String reason, Integer sameIncidentAs) {

        public boolean toConfirm() {
            return complaint.toConfirm();
        }
    }

    /** The threshold applied, the complaints that count towards it, and every complaint's verdict, in order. */
    public record Assessment(int threshold, int qualifyingComplaints, boolean thresholdMet, List<Verdict> complaints) {
    }

    /** The rules as the public explanation states them. */
    public record Terms(int threshold, int hateThreshold, String complaintWithin, String applicationWithin,
            boolean countSameIncidentOnce) {
    }

    public Terms terms() {
        return new Terms(threshold, hateThreshold, Periods.inWords(complaintWithin), Periods.inWords(applicationWithin),
                countSameIncidentOnce);
    }

    /**
     * Assesses an application made on {@code applicationOn}.
     *
     * @param complaints the complaints in the order the applicant listed them; numbered from 1 in reasons
     */
    public Assessment assess(LocalDate applicationOn, boolean hateMotivated, List<Complaint> complaints) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Complaint complaint : complaints) {
            verdicts.add(onItsOwn(complaint, applicationOn));
        }
        if (countSameIncidentOnce) {
            countEachIncidentOnce(verdicts);
        }
        int qualifying = (int) verdicts.stream().filter(Verdict::qualifies).count();
        int applied = hateMotivated ? hateThreshold : threshold;
        return new Assessment(applied, qualifying, qualifying >= applied, List.copyOf(verdicts));
    }

    private Verdict onItsOwn(Complaint complaint, LocalDate applicationOn) {
        if (!complaint.found()) {
            return new Verdict(complaint, false, PORTAL_TO_CONFIRM, null);
        }
        if (complaint.reportedOn().isBefore(complaint.behaviourOn())) {
            return new Verdict(complaint, false, "The complaint is dated before the behaviour it is about: check the dates", null);
        }
        if (complaint.reportedOn().isAfter(complaint.behaviourOn().plus(complaintWithin))) {
            long days = ChronoUnit.DAYS.between(complaint.behaviourOn(), complaint.reportedOn());
            return new Verdict(complaint, false, "Reported " + Periods.count(days, "day")
                    + " after the behaviour: complaints must be made within " + Periods.inWords(complaintWithin), null);
        }
        if (applicationOn.isAfter(complaint.reportedOn().plus(applicationWithin))) {
            return new Verdict(complaint, false,
                    "Made more than " + Periods.inWords(applicationWithin) + " before the application", null);
        }
        String reason = "Made within " + Periods.inWords(complaintWithin) + " of the behaviour and within "
                + Periods.inWords(applicationWithin) + " before the application";
        if (complaint.toConfirm()) {
            reason += "; counted for now, to be confirmed with " + complaint.agency();
        }
        return new Verdict(complaint, true, reason, null);
    }

    private static void countEachIncidentOnce(List<Verdict> verdicts) {
        Map<LocalDate, List<Integer>> byDay = new HashMap<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i).qualifies()) {
                byDay.computeIfAbsent(verdicts.get(i).complaint().behaviourOn(), day -> new ArrayList<>()).add(i);
            }
        }
        Comparator<Integer> preferred = Comparator
                .<Integer, Boolean>comparing(i -> verdicts.get(i).toConfirm())
                .thenComparing(i -> verdicts.get(i).complaint().reportedOn())
                .thenComparing(i -> i);
        for (List<Integer> incident : byDay.values()) {
            int counted = incident.stream().min(preferred).orElseThrow();
            for (int i : incident) {
                if (i != counted) {
                    Verdict verdict = verdicts.get(i);
                    verdicts.set(i, new Verdict(verdict.complaint(), false,
                            "Same incident as complaint " + (counted + 1) + ", counted once", counted + 1));
                }
            }
        }
    }

    private static int checkThreshold(String property, int value) {
        if (value < 1 || value > STATUTORY_THRESHOLD) {
            throw new IllegalStateException(property + " is " + value + ": it must be between 1 and "
                    + STATUTORY_THRESHOLD + ". The law sets the Community Trigger threshold at three qualifying "
                    + "complaints; a partnership may lower it, never raise it");
        }
        return value;
    }

    /**
     * Refuses a period that ends before the statutory one from any start date: a calendar year
     * from a leap year's first day covers every month length and the 29th of February.
     */
    private static Period checkPeriod(String property, Period value, Period statutory) {
        LocalDate start = LocalDate.of(2028, 1, 1);
        for (LocalDate day = start; day.isBefore(start.plusYears(1)); day = day.plusDays(1)) {
            if (day.plus(value).isBefore(day.plus(statutory))) {
                throw new IllegalStateException(property + " is " + value + ", shorter than the statutory "
                        + Periods.inWords(statutory) + " (" + statutory + "): a partnership may give victims longer, never less");
            }
        }
        return value;
    }
}
