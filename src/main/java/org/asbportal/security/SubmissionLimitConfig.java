package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How much one client (see {@link ClientAddress}) may send in a while, whatever it sends: far above
 * what a resident ever does, low enough that one client cannot flood the partnership's queues or
 * make the portal send emails to anyone. Counted in the database, so the limits hold across replicas.
 * Every value has an environment variable, e.g. {@code ASB_LIMITS_REPORTS_MAX}.
 */
@ConfigMapping(prefix = "asb.limits")
public interface SubmissionLimitConfig {

    /** Reports (the form and the API) one client may send in {@link #reportsWindow()}. */
    @WithDefault("10")
    int reportsMax();

    @WithDefault("PT10M")
    Duration reportsWindow();

    /** Community Trigger applications (the form and the API) one client may send in {@link #applicationsWindow()}. */
    @WithDefault("5")
    int applicationsMax();

    @WithDefault("PT1H")
    Duration applicationsWindow();

    /** PLEDGE registrations and sign-in link requests (each may send an email) per client in {@link #pledgeEmailsWindow()}. */
    @WithDefault("5")
    int pledgeEmailsMax();

    @WithDefault("PT1H")
    Duration pledgeEmailsWindow();

    /** Look-ups with a reference and access code (/track, the status APIs), right or wrong, per client in the window. */
    @WithDefault("60")
    int trackLookupsMax();

    @WithDefault("PT15M")
    Duration trackLookupsWindow();

    /** "Save and come back later" links one client may have emailed in {@link #resumeLinksWindow()}. */
    @WithDefault("5")
    int resumeLinksMax();

    @WithDefault("PT1H")
    Duration resumeLinksWindow();

    /** Requests to replace a lost access code (each may send an email) per client in {@link #codeLinksWindow()}. */
    @WithDefault("5")
    int codeLinksMax();

    @WithDefault("PT1H")
    Duration codeLinksWindow();

    /**
     * Service requests (reports) one Open311 API key may send in {@link #open311RequestsWindow()}; counted
     * per key, whatever address the requests come from.
     */
    @WithDefault("60")
    int open311RequestsMax();

    @WithDefault("PT10M")
    Duration open311RequestsWindow();
}
