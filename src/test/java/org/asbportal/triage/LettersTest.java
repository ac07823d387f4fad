package org.asbportal.triage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.Site;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Letters on a case: filled from the case and the recipient typed, edited, saved as sent exactly as
 * they stand, printed; letter templates kept in versions by administrators, a template that does not
 * parse refused; only staff who work the case may prepare one.
 */
@QuarkusTest
class LettersTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    Site site;

    TriageRows db;

    @BeforeEach
    void database() {
        clock.fixAt(TestDates.NOW);
        db = new TriageRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void fillsAWarningLetterFromTheCaseAndSavesTheEditedTextExactlyAsSent() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession officer = StaffSession.signIn("caseworker");
        String base = "/staff/cases/" + reported.reference() + "/letters";

        officer.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("Prepare a letter"))
                .body(containsString("<option value=\"WARNING\">Warning letter</option>"))
                .body(containsString("<option value=\"ABC\">Acceptable Behaviour Contract</option>"))
                .body(containsString("<option value=\"CPW\">Community Protection Warning</option>"));
        officer.get(base + "/new?template=WARNING").then().statusCode(200)
                .body(containsString("value=\"WARNING\" checked"));

        Response filled = officer.post(base + "/fill", "template", "WARNING", "recipientName", "Jo Bloggs",
                "recipientAddress", "2 Mill Lane\r\nBedford\r\nMK40 1AA");

        assertEquals(200, filled.statusCode(), filled.asString());
        String text = textareaOf(filled);
        assertTrue(text.contains("Our reference: " + reported.reference()), text);
        assertTrue(text.contains("Dear Jo Bloggs,"), text);
        assertTrue(text.contains("Jo Bloggs\n2 Mill Lane\nBedford\nMK40 1AA"), text);
        assertTrue(text.contains(site.longDate(TestDates.today())), text);
        assertTrue(text.contains("Cass Worker"), text);
        assertTrue(text.contains("Fly-tipping") || text.contains("fly-tipping") || text.contains("Fly tipping"), text);
        filled.then().body(containsString("name=\"version\" value=\"1\""));

        String sent = text.replace("Warning about anti-social behaviour", "Final warning about anti-social behaviour")
                .replace("\n", "\r\n") + "\r\nPS: <b>please</b> call me & quote the reference.";
        long auditBefore = db.lastAuditId();
        Response saved = officer.post(base, "template", "WARNING", "version", "1", "text", sent);

        assertEquals(303, saved.statusCode(), saved.asString());
        Matcher location = Pattern.compile(base + "/(\\d+)\\?saved=true$").matcher(saved.header("Location"));
        assertTrue(location.find(), saved.header("Location"));
        long id = Long.parseLong(location.group(1));
        Row letter = db.reports().rows("SELECT l.*, t.code FROM case_letter l JOIN letter_template t ON t.id = l.template_id "
                + "WHERE l.id = ?", id).get(0);
        assertEquals(sent, letter.string("body"), "stored exactly as sent");
        assertEquals("WARNING", letter.string("code"));
        assertEquals(1, letter.number("template_version"));
        assertEquals("caseworker", letter.string("sent_by"));
        List<Row> events = db.events(reported.reference(), "LETTER_SENT");
        assertEquals(1, events.size());
        assertFalse(events.get(0).bool("is_public"));
        assertTrue(db.auditAfter(auditBefore).contains(new Audit("caseworker", "SAVE_LETTER", reported.reference(), "WARNING v1")));

        officer.get(base + "/" + id + "?saved=true").then().statusCode(200)
                .body(containsString("Letter saved as sent"))
                .body(containsString("class=\"portal-printed-letter\""))
                .body(containsString("Final warning about anti-social behaviour"))
                .body(containsString("PS: &lt;b&gt;please&lt;/b&gt; call me &amp; quote the reference."));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "READ_LETTER", reported.reference(), String.valueOf(id))));
        officer.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("href=\"" + base + "/" + id + "\">Warning letter</a>"));
        Cases.track(reported).then().statusCode(200).body(not(containsString("Final warning")));
    }

    @Test
    void refusesToFillALetterWithoutItsRecipientOrTemplate() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession officer = StaffSession.signIn("caseworker");

        Response refused = officer.post("/staff/cases/" + reported.reference() + "/letters/fill", "template", "NOT_A_LETTER",
                "recipientName", "", "recipientAddress", "");

        assertEquals(400, refused.statusCode());
        refused.then().body(containsString("There is a problem"))
                .body(containsString("<a href=\"#template\">Choose the letter to prepare</a>"))
                .body(containsString("<a href=\"#recipientName\">Enter the name of the person the letter is to</a>"))
                .body(containsString("<a href=\"#recipientAddress\">Enter the address the letter is sent to</a>"));
        Response empty = officer.post("/staff/cases/" + reported.reference() + "/letters", "template", "WARNING", "version", "1",
                "text", " ");
        assertEquals(400, empty.statusCode());
        empty.then().body(containsString("Enter the text of the letter"));
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM case_letter l JOIN report r ON r.id = l.report_id "
                + "WHERE r.reference = ?", reported.reference()));
    }

    @Test
    void onlyStaffWhoWorkTheCaseMayPrepareOrReadLetters() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        String base = "/staff/cases/" + reported.reference() + "/letters";
        for (String role : List.of("councillor", "coordinator", "reviewer")) {
            StaffSession other = StaffSession.signIn(role);
            assertEquals(403, other.get(base + "/new").statusCode(), role);
            assertEquals(403, other.post(base + "/fill", "template", "WARNING", "recipientName", "A", "recipientAddress", "B")
                    .statusCode(), role);
            assertEquals(403, other.post(base, "template", "WARNING", "version", "1", "text", "Forged").statusCode(), role);
        }
        StaffSession police = StaffSession.signIn("police");
        assertEquals(404, police.get(base + "/new").statusCode());
        assertEquals(404, police.post(base, "template", "WARNING", "version", "1", "text", "Forged").statusCode());
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM case_letter l JOIN report r ON r.id = l.report_id "
                + "WHERE r.reference = ?", reported.reference()));
    }

    @Test
    void editingATemplateKeepsTheOldVersionAndNewLettersUseTheNewOne() {
        StaffSession admin = StaffSession.signIn("admin");
        admin.get("/admin/letters").then().statusCode(200)
                .body(containsString("href=\"/admin/letters/CPW\">Community Protection Warning</a>"));
        int latest = db.reports().count("SELECT MAX(v.version) FROM letter_template_version v JOIN letter_template t "
                + "ON t.id = v.template_id WHERE t.code = 'CPW'");
        String oldBody = db.reports().rows("SELECT v.body FROM letter_template_version v JOIN letter_template t ON t.id = v.template_id "
                + "WHERE t.code = 'CPW' AND v.version = ?", latest).get(0).string("body");
        admin.get("/admin/letters/CPW").then().statusCode(200).body(containsString("name=\"basedOn\" value=\"" + latest + "\""));

        Response saved = admin.post("/admin/letters/CPW", "name", "Community Protection Warning", "basedOn", String.valueOf(latest),
                "body", "Dear {recipientName},\n\nWarning {reference}, ward {wardName}.\n\n{officerName}");

        assertEquals(303, saved.statusCode(), saved.asString());
        List<Row> versions = db.reports().rows("SELECT v.version, v.body, v.created_by FROM letter_template_version v "
                + "JOIN letter_template t ON t.id = v.template_id WHERE t.code = 'CPW' ORDER BY v.version");
        assertEquals(latest + 1, versions.size());
        assertEquals(oldBody, versions.get(latest - 1).string("body"), "the old version is kept as it was");
        assertEquals("admin", versions.get(latest).string("created_by"));
        admin.get("/admin/letters/CPW/versions/" + latest).then().statusCode(200).body(containsString("Section 43"));

        Case reported = Cases.reportInto("COUNCIL_ASB");
        Response filled = StaffSession.signIn("caseworker").post("/staff/cases/" + reported.reference() + "/letters/fill",
                "template", "CPW", "recipientName", "Jo Bloggs", "recipientAddress", "2 Mill Lane");
        filled.then().statusCode(200).body(containsString("name=\"version\" value=\"" + (latest + 1) + "\""));
        assertTrue(textareaOf(filled).startsWith("Dear Jo Bloggs,\n\nWarning " + reported.reference()), textareaOf(filled));

        Response stale = admin.post("/admin/letters/CPW", "name", "Community Protection Warning", "basedOn", String.valueOf(latest),
                "body", "Dear {recipientName}");
        assertEquals(409, stale.statusCode());
        stale.then().body(containsString("Someone else saved a new version of this letter"));
    }

    @Test
    void refusesATemplateThatDoesNotParseOrNamesAnUnknownPlaceholder() {
        StaffSession admin = StaffSession.signIn("admin");
        int before = db.reports().count("SELECT COUNT(*) FROM letter_template_version");
        int latest = db.reports().count("SELECT MAX(v.version) FROM letter_template_version v JOIN letter_template t "
                + "ON t.id = v.template_id WHERE t.code = 'ABC'");

        Response broken = admin.post("/admin/letters/ABC", "name", "Acceptable Behaviour Contract", "basedOn", String.valueOf(latest),
                "body", "Dear {recipientName},\n{#if reference}unclosed section");
        Response unknown = admin.post("/admin/letters/ABC", "name", "Acceptable Behaviour Contract", "basedOn", String.valueOf(latest),
                "body", "Dear {victimPhoneNumber}");
        Response blank = admin.post("/admin/letters/ABC", "name", "", "basedOn", String.valueOf(latest), "body", "");

        assertEquals(400, broken.statusCode());
        broken.then().body(containsString("There is a problem"))
                .body(containsString("The letter cannot be used as a template"))
                .body(not(containsString("Exception")));
        assertEquals(400, unknown.statusCode());
        unknown.then().body(containsString("The letter cannot be used as a template"))
                .body(containsString("recipientName"));
        assertEquals(400, blank.statusCode());
        blank.then().body(containsString("Enter the letter&#39;s name")).body(containsString("Enter the text of the letter"));
        assertEquals(before, db.reports().count("SELECT COUNT(*) FROM letter_template_version"));
    }

    /** The text in the letter's textarea, unescaped as a browser would submit it. */
    private static String textareaOf(Response page) {
        Matcher m = Pattern.compile("<textarea[^>]*name=\"text\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(page.asString());
        assertTrue(m.find(), page.asString());
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
