package org.asbportal.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.asbportal.web.Site;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A member of staff sees when they last signed in and where they are signed in, and signs out everywhere. */
@QuarkusTest
class StaffAccountPageTest {

    @Inject
    TestClock clock;

    @Inject
    Site site;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void showsTheLastSignInAndEverySessionThenSignsOutEverywhere() {
        String username = TwoFactorSignInTest.newAccount("PARTNERSHIP");
        Instant first = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        clock.fixAt(first);
        StaffSession phone = StaffSession.signIn(username, TwoFactorSignInTest.PASSWORD);
        phone.get("/staff/account").then().statusCode(200).body(containsString("This is the first time you have signed in"));

        clock.fixAt(first.plus(2, ChronoUnit.HOURS));
        StaffSession desk = StaffSession.signIn(username, TwoFactorSignInTest.PASSWORD);
        Response page = desk.get("/staff/account");
        page.then().statusCode(200)
                .body(containsString("You last signed in at " + site.dateTime(first)))
                .body(containsString("2 sessions"))
                .body(containsString("This browser"))
                .body(containsString("Set up two-factor sign-in"));
        desk.get("/staff").then().statusCode(200).body(containsString("You last signed in at " + site.dateTime(first)))
                .body(containsString("href=\"/staff/account\""));

        Response out = desk.post("/staff/account/sign-out-everywhere");
        assertEquals(303, out.statusCode(), out.asString());
        assertTrue(out.header("Location").endsWith("/login?signed-out=true"));
        for (StaffSession browser : new StaffSession[] {phone, desk}) {
            Response refused = browser.get("/staff");
            assertEquals(302, refused.statusCode(), "every session ended");
        }
        assertEquals(1L, TwoFactorSignInTest.auditCount(username, "SIGN_OUT_EVERYWHERE"));
    }

    @Test
    void needsSigningInAndShowsNoSessionWaitingForACodeOfTheDemonstrationAccounts() {
        StaffSession anonymous = StaffSession.anonymous();
        Response response = anonymous.get("/staff/account");
        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").endsWith("/login"));
        StaffSession.signIn("triage").get("/staff/account").then().statusCode(200)
                .body(not(containsString("Waiting for a code")));
    }
}
