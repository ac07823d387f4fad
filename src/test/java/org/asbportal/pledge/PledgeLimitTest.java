package org.asbportal.pledge;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.asbportal.pledge.PledgeContacts.Browser;
import org.asbportal.security.ClientLimitsProfile;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One client may make the portal send only so many PLEDGE emails (registrations and sign-in links,
 * to any addresses) in an hour: 2 here. Past that nothing is sent and the form is shown again with
 * what was typed.
 */
@QuarkusTest
@TestProfile(ClientLimitsProfile.class)
class PledgeLimitTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void client() {
        clock.fixAt(TestDates.NOW);
        ClientLimitsProfile.actAs(ClientLimitsProfile.newClient());
    }

    @AfterEach
    void direct() {
        ClientLimitsProfile.reset();
        clock.useSystemTime();
    }

    @Test
    void registrationsAndSignInLinksToAnyAddressesShareOneLimitPerClient() {
        Browser browser = new Browser();
        String first = PledgeContacts.uniqueEmail();
        assertEquals(303, browser.post("/pledge/register", "organisationName", "First Council", "type", "COUNCIL",
                "contactName", "Casey Contact", "email", first).statusCode());
        assertEquals(303, browser.post("/pledge/sign-in", "email", first).statusCode());

        String victim = PledgeContacts.uniqueEmail();
        Response refused = browser.post("/pledge/register", "organisationName", "Spam Target Ltd", "type", "COUNCIL",
                "contactName", "Click this link", "email", victim);
        refused.then().statusCode(429).header("Retry-After", "3600")
                .body(containsString("Spam Target Ltd"))
                .body(containsString("Wait 60 minutes"));
        browser.post("/pledge/sign-in", "email", first).then().statusCode(429).header("Retry-After", "3600");
        assertEquals(0, PledgeContacts.signInEmails(victim));
        assertEquals(2, PledgeContacts.signInEmails(first));
    }
}
