package org.asbportal.pledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

import org.asbportal.pledge.PledgeContacts.Browser;
import org.asbportal.security.AccessCodes;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PledgeAccessTest {

    @Inject
    PledgeAccessService access;

    /** The portal's clock (the system's time here): times written to the database are taken from it. */
    @Inject
    TestClock clock;

    @Test
    void startPageExplainsThePledgeItsSixPrinciplesAndHowTheAssessmentWorks() {
        given().accept("text/html").when().get("/pledge").then().statusCode(200)
                .body(containsString("The ASB Help PLEDGE self-assessment"))
                .body(containsString("<strong>Promote</strong> awareness"))
                .body(containsString("<strong>legally compliant</strong>"))
                .body(containsString("<strong>Ensure accessibility</strong>"))
                .body(containsString("<strong>Develop</strong> the process"))
                .body(containsString("<strong>Generate inclusivity</strong>"))
                .body(containsString("<strong>Establish a precedent</strong>"))
                .body(containsString("How the self-assessment works"))
                .body(containsString("href=\"/pledge/register\""));
    }

    @Test
    void registrationIsValidatedFieldByField() {
        Browser browser = new Browser();
        Response response = browser.post("/pledge/register", "organisationName", " ", "type", "SPACESHIP",
                "contactName", "", "email", "not-an-address");
        assertEquals(400, response.statusCode());
        String page = response.asString();
        assertTrue(page.contains("Enter the name of your organisation"), page);
        assertTrue(page.contains("Select the type of organisation"));
        assertTrue(page.contains("Enter your full name"));
        assertTrue(page.contains("Enter an email address in the correct format, like name@example.org"));
        assertTrue(page.contains("href=\"#organisationName\""), "the error summary links to the field");
        assertTrue(page.contains("value=\"not-an-address\""), "what was typed is kept");
    }

    @Test
    void registeringEmailsAOneTimeLinkStoredOnlyAsAHashThatSignsTheContactIn() {
        String email = PledgeContacts.uniqueEmail();
        Browser browser = new Browser();
        Response registered = browser.post("/pledge/register", "organisationName", "Borough Council <b>", "type", "COUNCIL",
                "contactName", "Robin Register", "email", "  " + email.toUpperCase() + " ");
        assertEquals(303, registered.statusCode());
        assertTrue(registered.header("Location").endsWith("/pledge/check-email"));
        String token = PledgeContacts.latestToken(email);
        String stored = QuarkusTransaction.requiringNew().call(() -> PledgeLink.<PledgeLink>find("contact.email", email)
                .firstResult().tokenHash);
        assertEquals(AccessCodes.sha256(token), stored);
        assertNotEquals(token, stored);

        browser.signInWith(token);
        String cookieHeader = browser.signInWith(PledgeContacts.latestToken(requestAnotherLink(email))).headers()
                .getValues("Set-Cookie").stream().filter(h -> h.startsWith(PledgeContacts.SESSION + "=")).findFirst().orElseThrow();
        assertTrue(cookieHeader.toLowerCase().contains("httponly"), cookieHeader);
        assertTrue(cookieHeader.contains("SameSite=Lax"), cookieHeader);
        browser.get("/pledge/assessments").then().statusCode(200)
                .body(containsString("Borough Council &lt;b&gt;"))
                .body(not(containsString("Borough Council <b>")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> PledgeContact.findByEmail(email).orElseThrow().verifiedAt != null));
    }

    @Test
    void aLinkWorksOnlyOnce() {
        String email = PledgeContacts.uniqueEmail();
        Browser first = new Browser();
        first.post("/pledge/register", "organisationName", "Once Housing", "type", "HOUSING", "contactName", "Ona", "email", email);
        String token = PledgeContacts.latestToken(email);
        first.signInWith(token);

        Browser second = new Browser();
        second.get("/pledge/verify?token=" + token).then().statusCode(404).body(containsString("This link has expired"));
        Response again = second.post("/pledge/verify", "token", token);
        assertEquals(404, again.statusCode());
        assertNull(second.session());
    }

    @Test
    void anExpiredLinkDoesNotSignIn() {
        String email = PledgeContacts.uniqueEmail();
        Browser browser = new Browser();
        browser.post("/pledge/register", "organisationName", "Late Police", "type", "POLICE", "contactName", "Lee", "email", email);
        String token = PledgeContacts.latestToken(email);
        QuarkusTransaction.requiringNew().run(() -> PledgeLink.update("expiresAt = ?1 where tokenHash = ?2",
                clock.instant().minusSeconds(1), AccessCodes.sha256(token)));
        assertEquals(404, browser.post("/pledge/verify", "token", token).statusCode());
        assertNull(browser.session());
    }

    @Test
    void askingForALinkForAnUnknownAddressLooksTheSameAndSendsNothing() {
        String unknown = PledgeContacts.uniqueEmail();
        Response response = new Browser().post("/pledge/sign-in", "email", unknown);
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/pledge/check-email"));
        assertEquals(0, PledgeContacts.signInEmails(unknown));
    }

    @Test
    void registeringAgainWithTheSameAddressSendsASignInLinkAndCreatesNoSecondOrganisation() {
        Browser browser = PledgeContacts.registered("Twice Council");
        long organisations = QuarkusTransaction.requiringNew().call(() -> PledgeOrganisation.count());
        browser.post("/pledge/register", "organisationName", "Twice Council again", "type", "COUNCIL", "contactName", "C",
                "email", browser.email);
        assertEquals(organisations, QuarkusTransaction.requiringNew().call(() -> PledgeOrganisation.count()));
        assertEquals(2, PledgeContacts.signInEmails(browser.email));
    }

    @Test
    void pagesOfAnAssessmentNeedASignedInContact() {
        Response response = new Browser().get("/pledge/assessments");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/pledge/sign-in"));
        given().accept(ContentType.JSON).when().get("/api/v1/pledge/assessments/1/answers").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void oneOrganisationGetsNotFoundForAnothersAssessmentOverHtmlAndJson() {
        Browser a = PledgeContacts.registered("Organisation A");
        Browser b = PledgeContacts.registered("Organisation B");
        long bs = b.startAssessment();
        long as = a.startAssessment();
        assertNotEquals(as, bs);

        for (String path : List.of("", "/sections/promote", "/results", "/submit", "/report")) {
            assertEquals(404, a.get("/pledge/assessments/" + bs + path).statusCode(), path);
            assertEquals(200, b.get("/pledge/assessments/" + bs + path).statusCode(), path);
        }
        Response post = a.post("/pledge/assessments/" + bs + "/sections/promote", Map.of("question", "1", "answer-1", "YES"));
        assertEquals(404, post.statusCode());
        assertEquals(404, a.post("/pledge/assessments/" + bs + "/submit", "signedName", "A", "signedRole", "B", "confirm", "yes").statusCode());
        a.api().when().get("/api/v1/pledge/assessments/" + bs + "/answers").then().statusCode(404)
                .contentType("application/problem+json");
        a.api().body(Map.of("answers", List.of())).when().put("/api/v1/pledge/assessments/" + bs + "/answers").then().statusCode(404);
        a.api().body(Map.of()).when().post("/api/v1/pledge/assessments/" + bs + "/submit").then().statusCode(404);
        a.api().when().get("/api/v1/pledge/assessments/" + bs + "/report").then().statusCode(404);
        b.api().when().get("/api/v1/pledge/assessments/" + bs + "/report").then().statusCode(200)
                .body("organisationName", equalTo("Organisation B"));
        a.get("/pledge/assessments").then().body(not(containsString("PLEDGE-" + bs + "<")));
    }

    @Test
    void aContactInvitesAColleagueWhoSignsInWithTheirOwnLinkAndSeesTheSameAssessment() {
        Browser owner = PledgeContacts.registered("Shared Council");
        long id = owner.startAssessment();
        String colleagueEmail = PledgeContacts.uniqueEmail();
        Response invited = owner.post("/pledge/colleagues", "name", "Colin Colleague", "email", colleagueEmail);
        assertEquals(303, invited.statusCode());
        Browser colleague = new Browser();
        colleague.signInWith(PledgeContacts.latestToken(colleagueEmail));
        colleague.get("/pledge/assessments/" + id).then().statusCode(200).body(containsString("Shared Council"));
        owner.get("/pledge/colleagues").then().body(containsString("Colin Colleague"));
    }

    @Test
    void aColleagueRegisteredWithAnotherOrganisationCannotBeInvited() {
        Browser one = PledgeContacts.registered("First Partner");
        Browser other = PledgeContacts.registered("Second Partner");
        Response response = one.post("/pledge/colleagues", "name", "Someone", "email", other.email);
        assertEquals(400, response.statusCode());
        assertTrue(response.asString().contains("registered with another organisation"));
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = PledgeContacts.registered("Leaving Council");
        String session = browser.session();
        browser.post("/pledge/sign-out");
        given().cookie(PledgeContacts.SESSION, session).redirects().follow(false).accept("text/html")
                .when().get("/pledge/assessments").then().statusCode(303);
    }

    @Test
    void noMoreThanFiveLinksAnHourAreEmailedToOneAddress() {
        Browser browser = PledgeContacts.registered("Flooded Council");
        for (int i = 0; i < 6; i++) {
            assertEquals(303, new Browser().post("/pledge/sign-in", "email", browser.email).statusCode());
        }
        assertEquals(5, PledgeContacts.signInEmails(browser.email));
    }

    @Test
    void thePurgeDeletesEndedSessionsAndLinksThatCanNoLongerBeUsed() {
        Browser browser = PledgeContacts.registered("Purged Council");
        new Browser().post("/pledge/sign-in", "email", browser.email);
        QuarkusTransaction.requiringNew().run(() -> {
            PledgeSession.update("expiresAt = ?1 where contact.email = ?2", clock.instant().minusSeconds(1), browser.email);
            PledgeLink.update("expiresAt = ?1 where contact.email = ?2", clock.instant().minusSeconds(1), browser.email);
        });
        access.purge();
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> PledgeSession.count("contact.email", browser.email)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> PledgeLink.count("contact.email", browser.email)));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> PledgeContact.count("email", browser.email)));
    }

    private static String requestAnotherLink(String email) {
        new Browser().post("/pledge/sign-in", "email", email);
        return email;
    }
}
