package org.asbportal.trigger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.Optional;

/**
 * The Community Trigger (ASB Case Review, Anti-social Behaviour, Crime and Policing Act 2014,
 * section 104 and Schedule 4) as the partnership runs it. The defaults are the statutory ones: the
 * partnership may lower the threshold or give victims longer, never ask for more. Values the law
 * does not allow are refused at start-up ({@link ThresholdRules}, {@link TriggerTimetable}).
 */
@ConfigMapping(prefix = "asb.trigger")
public interface TriggerConfig {

    /**
     * Number of qualifying complaints at which the threshold is met: 3 in law; a partnership may set
     * 1 or 2, never more than 3.
     */
    @WithDefault("3")
    int threshold();

    /**
     * Number of qualifying complaints at which the threshold is met when the applicant says the
     * behaviour is hate-motivated (aimed at them because of who they are). Defaults to
     * {@link #threshold()}; many partnerships set 1. Between 1 and 3.
     */
    Optional<Integer> hateThreshold();

    /**
     * A complaint qualifies when it was made within this period after the behaviour: one month in
     * law ({@code P1M}), counted in calendar months, so behaviour on 15 March may be reported up
     * to 15 April and behaviour on 31 January up to 28 February (29 in a leap year). May be
     * longer, never shorter.
     */
    @WithDefault("P1M")
    Period complaintWithin();

    /**
     * A complaint qualifies when the application is made within this period after it: six months
     * in law ({@code P6M}), counted in calendar months like {@link #complaintWithin()}. May be
     * longer, never shorter.
     */
    @WithDefault("P6M")
    Period applicationWithin();

    /**
     * Whether complaints about the same incident (the same day's behaviour, reported to one agency
     * or several) count once towards the threshold.
     */
    @WithDefault("true")
    boolean countSameIncidentOnce();

    /** Working days each step of a review may take. */
    Deadlines deadlines();

    /**
     * The month (1 = January … 12 = December) the partnership's year starts in, for the figures it
     * publishes each year: 4, April, by default.
     */
    @WithDefault("4")
    int yearStartMonth();

    interface Deadlines {
        /** Working days from receiving an application to acknowledging it. */
        @WithDefault("2")
        int acknowledge();

        /** Working days from receiving an application to deciding whether the threshold is met. */
        @WithDefault("10")
        int thresholdDecision();

        /** Working days from the threshold decision to every agency sharing what it knows of the case. */
        @WithDefault("10")
        int agencyInformation();

        /** Working days from the threshold decision to the review meeting. */
        @WithDefault("20")
        int reviewMeeting();

        /** Working days from the review meeting to telling the applicant the outcome. */
        @WithDefault("5")
        int outcome();
    }
}
