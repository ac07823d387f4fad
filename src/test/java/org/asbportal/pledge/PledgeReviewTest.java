package org.asbportal.pledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.notify.MailProfile;
import org.asbportal.notify.OutboxSender;
import org.asbportal.notify.Victims;
import org.asbportal.pledge.PledgeContacts.Browser;
import org.asbportal.security.AuditEntry;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MailProfile.class)
class PledgeReviewTest {

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        Victims.discardBacklog();
    }

    @Test
    void aReviewerReturnsAnAssessmentWithFeedbackTheOrganisationIsEmailedEditsItResubmitsAndItIsAccepted() throws Exception {
        Browser organisation = PledgeContacts.registered("Reviewed Council");
        long id = organisation.startAssessment();
        Answering.answerAll(organisation, id, "PARTLY");
        Answering.submit(organisation, id);

        StaffSession reviewer = StaffSession.signIn("reviewer");
        reviewer.get("/staff/pledge").then().statusCode(200).body(containsString("PLEDGE-" + id));
        Response page = reviewer.get("/staff/pledge/" + id);
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains(organisation.email), "the reviewer sees who to contact");
        long sectionId = QuarkusTransaction.requiringNew().call(() -> PledgeAssessment.<PledgeAssessment>findById(id)
                .questionnaire.sections.get(0).id);

        Response noFeedback = reviewer.post("/staff/pledge/" + id, "decision", "RETURNED", "feedback", " ");
        assertEquals(400, noFeedback.statusCode());
        assertTrue(noFeedback.asString().contains("Enter feedback saying what the organisation should change"));

        Response returned = reviewer.post("/staff/pledge/" + id, Map.of("decision", "RETURNED",
                "feedback", "Please add evidence for the threshold.", "comment-" + sectionId, "Link your web page."));
        assertEquals(303, returned.statusCode(), returned.asString());
        PledgeContacts.deliver(sender);
        List<MimeMessage> received = Victims.received(mailServer, organisation.email);
        MimeMessage email = received.get(received.size() - 1);
        assertTrue(email.getSubject().contains("PLEDGE-" + id), email.getSubject());
        String text = Victims.part(email, "text/plain");
        assertTrue(text.contains("returned"), text);
        assertTrue(text.contains("Please add evidence for the threshold."), text);
        assertTrue(text.contains("/pledge/assessments/" + id), text);

        organisation.get("/pledge/assessments/" + id).then().body(containsString("Returned with feedback"))
                .body(containsString("Please add evidence for the threshold."))
                .body(containsString("Link your web page."));
        Answering.answerAll(organisation, id, "YES");
        Answering.submit(organisation, id);
        reviewer.get("/staff/pledge").then().body(containsString("PLEDGE-" + id));

        assertEquals(303, reviewer.post("/staff/pledge/" + id, "decision", "ACCEPTED", "feedback", "Well done.").statusCode());
        assertEquals(400, reviewer.post("/staff/pledge/" + id, "decision", "RETURNED", "feedback", "Twice").statusCode(),
                "a decided assessment is not decided again");
        PledgeContacts.deliver(sender);
        List<MimeMessage> all = Victims.received(mailServer, organisation.email);
        assertTrue(Victims.part(all.get(all.size() - 1), "text/plain").contains("accepted"));
        organisation.get("/pledge/assessments/" + id).then().body(containsString("Accepted"));

        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .<AuditEntry>list("reference = ?1 order by id", "PLEDGE-" + id).stream().map(e -> e.action).toList());
        assertTrue(actions.contains("PLEDGE_REVIEW_READ"), actions.toString());
        assertTrue(actions.contains("PLEDGE_REVIEW_RETURNED"), actions.toString());
        assertTrue(actions.contains("PLEDGE_REVIEW_ACCEPTED"), actions.toString());
    }

    @Test
    void onlyPledgeReviewersAndAdminsOpenTheQueue() {
        StaffSession.signIn("admin").get("/staff/pledge").then().statusCode(200);
        assertEquals(403, StaffSession.signIn("triage").get("/staff/pledge").statusCode());
        assertEquals(403, StaffSession.signIn("councillor").get("/staff/pledge").statusCode());
        Response anonymous = StaffSession.anonymous().get("/staff/pledge");
        assertEquals(302, anonymous.statusCode());
    }

    @Test
    void aDraftIsNotInTheQueueAndCannotBeOpenedByAReviewer() {
        Browser organisation = PledgeContacts.registered("Drafting Council");
        long id = organisation.startAssessment();
        StaffSession reviewer = StaffSession.signIn("reviewer");
        reviewer.get("/staff/pledge").then().body(not(containsString("PLEDGE-" + id + "<")));
        assertEquals(404, reviewer.get("/staff/pledge/" + id).statusCode());
    }

    @Test
    void theSignInLinkArrivesByEmailAndSignsIn() throws Exception {
        String email = PledgeContacts.uniqueEmail();
        Browser browser = new Browser();
        browser.post("/pledge/register", "organisationName", "Mailed Council", "type", "OTHER", "contactName", "Mo",
                "email", email);
        PledgeContacts.deliver(sender);
        List<MimeMessage> received = Victims.received(mailServer, email);
        assertEquals(1, received.size());
        String html = Victims.part(received.get(0), "text/html");
        browser.signInWith(PledgeContacts.tokenIn(html));
        browser.get("/pledge/assessments").then().statusCode(200).body(containsString("Mailed Council"));
    }
}
