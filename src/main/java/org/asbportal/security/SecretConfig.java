package org.asbportal.security;

import io.smallrye.config.ConfigMapping;

/** Secrets the portal needs. They come from the environment in production, never from the code. */
@ConfigMapping(prefix = "asb")
public interface SecretConfig {

    /**
     * Server secret (ASB_SECRET, at least 32 characters) used to derive access codes for retried
     * submissions, so a retry with the same idempotency key gets the same code on any replica.
     */
    String secret();
}
