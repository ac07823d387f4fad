package org.asbportal.security;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs a test with reCAPTCHA enabled against {@link RecaptchaStub}; other tests keep it disabled. */
public class RecaptchaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RecaptchaStub.class));
    }
}
