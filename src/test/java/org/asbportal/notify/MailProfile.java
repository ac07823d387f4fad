package org.asbportal.notify;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs a test against {@link MailServer}, giving up on an email after three attempts. */
public class MailProfile implements QuarkusTestProfile {

    static final int MAX_ATTEMPTS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("asb.notify.max-attempts", String.valueOf(MAX_ATTEMPTS));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MailServer.class));
    }
}
