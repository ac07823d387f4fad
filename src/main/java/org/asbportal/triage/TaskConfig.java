package org.asbportal.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How often open cases are reviewed, by risk, and when officers are emailed what is due. */
@ConfigMapping(prefix = "asb.triage")
public interface TaskConfig {

    /** Case reviews. */
    Review review();

    /** The daily digest of work due. */
    Digest digest();

    interface Review {

        /** An open high-risk case is reviewed at least every this many days. */
        @WithDefault("14")
        @Min(1)
        @Max(365)
        int highDays();

        /** An open medium-risk case is reviewed at least every this many days; standard risk has no cadence. */
        @WithDefault("28")
        @Min(1)
        @Max(365)
        int mediumDays();
    }

    interface Digest {

        /**
         * When the digest is sent, as a Quartz-style cron expression in the digest's time zone: by
         * default every morning at 07:00. {@code off} stops it (the tests send it themselves).
         */
        @WithDefault("0 0 7 * * ?")
        String cron();

        /** The time zone the cron expression is read in. */
        @WithDefault("Europe/London")
        String zone();
    }
}
