package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.asbportal.security.CaptchaResult.Outcome;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaptchaVerifierDisabledTest {

    @Inject
    CaptchaVerifier verifier;

    @Test
    void isDisabledWithoutASecret() {
        assertFalse(verifier.enabled());
        assertTrue(verifier.siteKey().isEmpty());
    }

    @Test
    void acceptsEverySubmissionWithoutCheckingWhenDisabled() {
        CaptchaResult result = verifier.verify(null, "report", "203.0.113.7");

        assertEquals(Outcome.NOT_REQUIRED, result.outcome());
        assertTrue(result.accepted());
        assertFalse(result.verified());
    }
}
