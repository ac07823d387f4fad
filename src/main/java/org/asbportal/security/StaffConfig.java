package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Staff accounts set up from the environment, for deployments. */
@ConfigMapping(prefix = "asb")
public interface StaffConfig {

    /** The first administrator, created or updated at start when both are set. */
    Admin admin();

    interface Admin {
        /** ASB_ADMIN_USERNAME. */
        Optional<String> username();

        /** ASB_ADMIN_PASSWORD (at least 12 characters). */
        Optional<String> password();
    }
}
