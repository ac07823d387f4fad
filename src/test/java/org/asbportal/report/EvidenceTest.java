package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.asbportal.report.ReportFormSession.answers;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.web.TestClock;
import org.asbportal.web.journey.JourneyDrafts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Photos, recordings and documents on a report: added on the journey's evidence page (kept with the
 * draft, sent with the report), added later on /track, checked by their content, photos stored
 * without their metadata, and downloaded by the staff working the case only.
 */
@QuarkusTest
class EvidenceTest {

    private static final String EVIDENCE = "/report/evidence";
    private static final String TITLE = "Add photos, videos, audio or documents (optional)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    JourneyDrafts drafts;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    /** A resident on the evidence page of a report that lands in the council's queue. */
    private static ReportFormSession onEvidencePage() {
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(steps(), "evidence");
        session.last().then().statusCode(200).body(containsString(TITLE));
        return session;
    }

    private static Map<String, Map<String, List<String>>> steps() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        steps.put("category", answers("category", "FLY_TIPPING"));
        return steps;
    }

    @Test
    void aPhotoWithGpsIsStoredWithoutItsMetadataAndUpright() throws IOException, SQLException {
        byte[] photo = EvidenceFiles.jpegWithGps(60, 40, 6);
        assertTrue(EvidenceFiles.hasExif(photo), "the test photo carries EXIF");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(photo)), "the test photo is a JPEG");
        ReportFormSession session = onEvidencePage();

        Response uploaded = session.upload("IMG_0042.jpg", photo, "image/jpeg");

        assertEquals(303, uploaded.statusCode(), uploaded.asString());
        Response page = session.follow(uploaded);
        page.then().statusCode(200).body(containsString("IMG_0042.jpg")).body(containsString("JPEG image"))
                .body(containsString("value=\"remove-file-"));
        Response confirmation = session.walkAndSend(steps());
        String reference = ReportFormSession.referenceOn(confirmation);

        List<Stored> files = storedFiles(reference);
        assertEquals(1, files.size(), "the photo was sent with the report");
        Stored stored = files.get(0);
        assertEquals("image/jpeg", stored.mediaType());
        assertEquals("resident", stored.addedBy());
        assertFalse(EvidenceFiles.hasExif(stored.content()), "no EXIF APP1 segment survives");
        assertFalse(EvidenceFiles.contains(stored.content(), "GPS"), "no GPS data survives");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored.content()));
        assertEquals(40, image.getWidth(), "turned upright as the camera's orientation said");
        assertEquals(60, image.getHeight());
        assertEquals(stored.content().length, stored.size());
        assertTrue(publicTimeline(reference).contains("You sent 1 file with your report."));
    }

    @Test
    void aFileIsJudgedByItsContentNotItsName() throws SQLException {
        ReportFormSession session = onEvidencePage();

        Response page = session.upload("photo.jpg", EvidenceFiles.html(), "image/jpeg");
        page.then().statusCode(400)
                .body(containsString("The selected file must be a photo (JPEG, PNG or GIF)"))
                .body(containsString("href=\"#file\""))
                .body(not(containsString("remove-file-")));
        Response program = session.upload("cat.jpg", EvidenceFiles.windowsProgram(), "image/jpeg");
        program.then().statusCode(400).body(containsString("The selected file must be a photo"));

        assertEquals(0, draftFileCount(), "nothing kept for a draft with only refused files");
    }

    @Test
    void emptyTooBigTooManyAndNoFileAreEachToldSo() {
        ReportFormSession session = onEvidencePage();

        session.upload("empty.txt", new byte[0], "text/plain").then().statusCode(400)
                .body(containsString("The selected file is empty"));
        session.upload("statement.pdf", EvidenceFiles.pdf(10 * 1024 * 1024 + 1), "application/pdf").then().statusCode(400)
                .body(containsString("The selected file must be smaller than 10 MB"));
        session.postTo(session.formAction(), answers("action", "upload"), true, true).then().statusCode(400)
                .body(containsString("Choose a file to upload"));
        for (int n = 1; n <= 5; n++) {
            assertEquals(303, session.upload("note-" + n + ".txt", EvidenceFiles.text("Note " + n + ": the van came back."),
                    "text/plain").statusCode());
        }
        Response full = session.get(EVIDENCE);
        full.then().body(containsString("You have added 5 files, the most you can send"))
                .body(not(containsString("type=\"file\"")));
        session.postTo("/report/evidence/files", answers("action", "upload"), true, true, "note-6.txt",
                EvidenceFiles.text("Note 6"), "text/plain").then().statusCode(400)
                .body(containsString("You can add up to 5 files. Remove one to add another"));
        session.upload("statement.pdf", EvidenceFiles.pdf(2048), "application/pdf").then().statusCode(400);
    }

    @Test
    void aFileCanBeRemovedBeforeSending() throws SQLException {
        ReportFormSession session = onEvidencePage();
        session.upload("first.txt", EvidenceFiles.text("First"), "text/plain");
        session.upload("second.pdf", EvidenceFiles.pdf(1000), "application/pdf");
        String html = session.get(EVIDENCE).asString();
        String first = html.replaceAll("(?s).*value=\"(remove-file-\\d+)\">Remove<span class=\"govuk-visually-hidden\"> first.txt.*", "$1");

        Response removed = session.postTo(session.formAction(), answers("action", first), true, true);

        assertEquals(303, removed.statusCode());
        session.follow(removed).then().body(not(containsString("first.txt"))).body(containsString("second.pdf"))
                .body(containsString("PDF document"));
        session.walkToCheck(steps()).then().body(containsString("second.pdf"));
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws SQLException {
        ReportFormSession session = onEvidencePage();
        long before = draftFileCount();

        Response forged = session.postTo(session.formAction(), answers("action", "upload"), true, false, "photo.jpg",
                EvidenceFiles.jpeg(10, 10), "image/jpeg");

        assertEquals(400, forged.statusCode());
        assertEquals(before, draftFileCount());
    }

    @Test
    void filesGoWithTheDraftWhenItExpires() throws SQLException {
        ReportFormSession session = onEvidencePage();
        session.upload("clip.txt", EvidenceFiles.text("Kept with the draft"), "text/plain");
        assertTrue(draftFileCount() >= 1);

        clock.fixAt(Instant.now().plus(Duration.ofHours(25)));
        drafts.purge();

        assertEquals(0, draftFileCount(), "the expired draft's files and their bytes are deleted with it");
        assertEquals(0, orphanContentCount());
    }

    @Test
    void onlyStaffWhoMayWorkTheCaseDownloadAFileAndEachDownloadIsAudited() throws SQLException {
        ReportFormSession session = onEvidencePage();
        byte[] statement = EvidenceFiles.pdf(3000);
        session.upload("Statement <Mrs O'Brien>.pdf", statement, "application/pdf");
        String reference = ReportFormSession.referenceOn(session.walkAndSend(steps()));
        long id = storedFiles(reference).get(0).id();
        String download = "/staff/cases/" + reference + "/evidence/" + id;

        StaffSession triage = StaffSession.signIn("triage");
        triage.get("/staff/cases/" + reference).then().statusCode(200)
                .body(containsString("href=\"" + download + "\""))
                .body(containsString("Statement &lt;Mrs O&#39;Brien&gt;.pdf")).body(containsString("PDF document"));
        long audited = auditCount(reference);
        Response file = triage.get(download);

        assertEquals(200, file.statusCode());
        assertArrayEquals(statement, file.asByteArray());
        assertEquals("application/pdf", file.contentType());
        assertTrue(file.header("Content-Disposition").startsWith("attachment; filename=\"Statement _Mrs O_Brien_.pdf\""),
                file.header("Content-Disposition"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"));
        assertEquals(audited + 1, auditCount(reference), "the download is audited");

        assertEquals(403, StaffSession.signIn("councillor").get(download).statusCode(), "a councillor never sees a file");
        assertEquals(404, StaffSession.signIn("police").get(download).statusCode(), "not among the police officer's queues");
        Response anonymous = given().redirects().follow(false).accept("text/html").get(download);
        assertTrue(List.of(302, 303, 401).contains(anonymous.statusCode()), "anonymous: " + anonymous.statusCode());
        assertFalse(anonymous.asString().contains("%PDF"));
        assertEquals(404, triage.get("/staff/cases/" + reference + "/evidence/" + (id + 100000)).statusCode());
    }

    @Test
    void theVictimAddsAFileFromTrack() throws SQLException {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        byte[] photo = EvidenceFiles.jpegWithGps(30, 20, 1);

        Response added = track(reported.reference(), reported.accessCode(), "later.jpg", photo);

        added.then().statusCode(200).body(containsString("The team working on your report can see the file you sent"))
                .body(containsString("You sent a file: later.jpg"));
        List<Stored> files = storedFiles(reported.reference());
        assertEquals(1, files.size());
        assertEquals("victim", files.get(0).addedBy());
        assertFalse(EvidenceFiles.hasExif(files.get(0).content()));

        track(reported.reference(), reported.accessCode(), "page.jpg", EvidenceFiles.html()).then().statusCode(400)
                .body(containsString("The selected file must be a photo"));
        track(reported.reference(), "WRONG-CODE", "later.jpg", photo).then().statusCode(404);
        assertEquals(1, storedFiles(reported.reference()).size());
    }

    /** Sends a file from the victim's /track page, as its multipart form does. */
    private static Response track(String reference, String accessCode, String name, byte[] content) {
        Response form = given().accept("text/html").get("/track");
        String token = form.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        return given().accept("text/html").redirects().follow(false).cookie("asb-csrf", form.cookie("asb-csrf"))
                .multiPart("csrf-token", token).multiPart("reference", reference)
                .multiPart("accessCode", accessCode).multiPart("file", name, content, "image/jpeg")
                .post("/track/evidence");
    }

    // ------------------------------------------------------------------ the database

    record Stored(long id, String mediaType, long size, String addedBy, byte[] content) {
    }

    private List<Stored> storedFiles(String reference) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement sql = db.prepareStatement(
                "SELECT e.id, e.media_type, e.size_bytes, e.added_by, c.content FROM report_evidence e "
                        + "JOIN report r ON r.id = e.report_id JOIN report_evidence_content c ON c.evidence_id = e.id "
                        + "WHERE r.reference = ? ORDER BY e.id")) {
            sql.setString(1, reference);
            List<Stored> files = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    files.add(new Stored(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4), rows.getBytes(5)));
                }
            }
            return files;
        }
    }

    private String publicTimeline(String reference) throws SQLException {
        return strings("SELECT ev.message FROM report_event ev JOIN report r ON r.id = ev.report_id WHERE r.reference = ? "
                + "AND ev.is_public = 1", reference).toString();
    }

    private long draftFileCount() throws SQLException {
        return number("SELECT COUNT(*) FROM report_evidence WHERE report_id IS NULL");
    }

    private long orphanContentCount() throws SQLException {
        return number("SELECT COUNT(*) FROM report_evidence_content c LEFT JOIN report_evidence e ON e.id = c.evidence_id "
                + "WHERE e.id IS NULL");
    }

    private long auditCount(String reference) throws SQLException {
        return Long.parseLong(strings("SELECT COUNT(*) FROM audit_entry WHERE action = 'DOWNLOAD_EVIDENCE' AND reference = ?",
                reference).get(0));
    }

    private long number(String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement sql = db.prepareStatement(query);
                ResultSet rows = sql.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> strings(String query, String parameter) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement sql = db.prepareStatement(query)) {
            sql.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
