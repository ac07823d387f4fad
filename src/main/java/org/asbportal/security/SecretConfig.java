package org.asbportal.security;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Secrets the portal needs. They come from the environment in production, never from the code. */
@ConfigMapping(prefix = "asb")
public interface SecretConfig {

    /**
     * Server secret (ASB_SECRET, at least 32 characters) used to derive access codes for retried
     * submissions, so a retry with the same idempotency key gets the same code on any replica.
     */
    String secret();

    /**
     * The secret used before the current one (ASB_PREVIOUS_SECRET), while it is being rotated out:
     * access codes hashed under it still verify. Access codes are hashed with a key derived from the
     * secret, so without it a rotated secret would lock residents out of every report made before.
     */
    Optional<String> previousSecret();
}
