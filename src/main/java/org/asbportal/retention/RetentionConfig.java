package org.asbportal.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Period;

/** How long personal data is kept (UK GDPR storage limitation), and when the job that removes it runs. */
@ConfigMapping(prefix = "asb.retention")
public interface RetentionConfig {

    /**
     * How long after its closure a report is anonymised: its reporter's name and contact details, the
     * free text of its description, equality monitoring, evidence files and what the victim added go.
     * An ISO-8601 period, e.g. {@code P24M}; it must be longer than nothing (checked at start-up).
     */
    @WithDefault("P24M")
    Period closedReportsAfter();

    /**
     * How long after the last of their cases was closed a perpetrator's record is anonymised (name,
     * aliases, date of birth, address, description, notes and equality answers): none of their cases may
     * have been open in that time. A record linked to no case counts from its creation.
     */
    @WithDefault("P24M")
    Period perpetratorsAfter();

    /**
     * How long after its outcome (the outcome letter, the decision that the threshold was not met, or
     * the decision on a request to look at it again) a Community Trigger application is anonymised.
     */
    @WithDefault("P36M")
    Period applicationsAfterOutcome();

    /** How long a PLEDGE registration whose email address was never confirmed is kept before it is deleted. */
    @WithDefault("P30D")
    Period unconfirmedPledgeRegistrationsAfter();

    /** How long after they last signed in a PLEDGE contact is removed; their organisation's assessments stay. */
    @WithDefault("P12M")
    Period pledgeContactsAfter();

    /** How long an audit entry is kept before it is deleted, e.g. {@code P7Y}; longer than nothing. */
    @WithDefault("P7Y")
    Period auditEntriesAfter();

    /** Reports anonymised (or audit entries deleted) in one transaction; a run works batch by batch. */
    @WithDefault("200")
    @Min(1)
    @Max(10_000)
    int batchSize();

    /**
     * When the job runs, as a Quartz-style cron expression in the server's time zone: by default
     * daily at 02:30. {@code off} stops it (the tests run it themselves).
     */
    @WithDefault("0 30 2 * * ?")
    String cron();
}
