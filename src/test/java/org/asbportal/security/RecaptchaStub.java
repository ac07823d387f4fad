package org.asbportal.security;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for Google's siteverify endpoint: a WireMock server on a free port, with reCAPTCHA
 * switched on and pointed at it. Tests stub the answers they need and reach the server through an
 * {@link InjectWireMock} field.
 */
public class RecaptchaStub implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-secret";
    public static final String SITE_KEY = "test-site-key";
    public static final String VERIFY_PATH = "/recaptcha/api/siteverify";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "asb.recaptcha.secret", SECRET,
                "asb.recaptcha.site-key", SITE_KEY,
                "asb.recaptcha.verify-url", server.baseUrl() + VERIFY_PATH,
                "asb.recaptcha.timeout", "1S",
                "asb.recaptcha.expected-hostnames", "localhost");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
