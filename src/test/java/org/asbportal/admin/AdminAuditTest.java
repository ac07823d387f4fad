package org.asbportal.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Administrators search the audit log by who, what, which case and when, newest first, 25 a page. */
@QuarkusTest
class AdminAuditTest {

    private static final ZoneId PARTNERSHIP = ZoneId.of("Europe/London");
    private static final Pattern DETAIL = Pattern.compile("entry (\\d\\d) of ");
    private static final Pattern NEXT = Pattern.compile("href=\"(/admin/audit\\?cursor=[^\"]+)\" rel=\"next\"");

    @Inject
    AgroalDataSource dataSource;

    AdminRows db;
    StaffSession admin;
    String actor;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        admin = StaffSession.signIn("admin");
        actor = "auditor-" + ReportRequests.unique();
    }

    @Test
    void showsAnActorsEntriesNewestFirstTwentyFiveAPage() {
        LocalDate day = LocalDate.of(2025, 3, 10);
        for (int i = 0; i < 30; i++) {
            record(actor, "READ_CASE", "ASB-2222-3333", day.atTime(LocalTime.of(9, 0)).plusMinutes(i), i);
        }

        Response first = admin.get("/admin/audit?actor=" + actor);

        assertEquals(200, first.statusCode(), first.asString());
        List<Integer> firstPage = entriesOn(first);
        assertEquals(25, firstPage.size());
        assertEquals(29, firstPage.get(0), "the newest first");
        assertEquals(descending(29, 5), firstPage);
        Matcher next = NEXT.matcher(first.asString());
        assertTrue(next.find(), "a link to older entries");
        Response second = admin.get(next.group(1).replace("&amp;", "&"));
        assertEquals(descending(4, 0), entriesOn(second));
        second.then().body(containsString("Older entries")).body(not(containsString("rel=\"next\"")));
    }

    @Test
    void filtersByActionCaseReferenceAndDates() {
        record(actor, "READ_CASE", "ASB-4444-5555", LocalDate.of(2025, 4, 1).atTime(23, 30), 1);
        record(actor, "CLAIM", "ASB-4444-5555", LocalDate.of(2025, 4, 2).atTime(0, 30), 2);
        record(actor, "READ_CASE", "ASB-6666-7777", LocalDate.of(2025, 4, 2).atTime(12, 0), 3);
        record(actor, "READ_CASE", "ASB-4444-5555", LocalDate.of(2025, 4, 3).atTime(0, 0), 4);

        assertEquals(List.of(4, 1), entriesOn(admin.get("/admin/audit?actor=" + actor + "&action=read_case&reference=ASB-4444-5555")));
        assertEquals(List.of(3, 2), entriesOn(admin.get("/admin/audit?actor=" + actor + "&from=2025-04-02&to=2025-04-02")));
        assertEquals(List.of(4, 3, 2), entriesOn(admin.get("/admin/audit?actor=" + actor + "&from=2025-04-02")));
        assertEquals(List.of(1), entriesOn(admin.get("/admin/audit?actor=" + actor + "&to=2025-04-01")));
        assertEquals(List.of(2), entriesOn(admin.get("/admin/audit?reference=ASB-4444-5555&action=CLAIM&actor=" + actor)));
        admin.get("/admin/audit?actor=nobody-" + actor).then().statusCode(200).body(containsString("No entries match the search."));
    }

    @Test
    void refusesDatesThatAreNotDatesAndPageLinksThatAreNotValid() {
        Response notADate = admin.get("/admin/audit?from=2025-02-30");
        Response backwards = admin.get("/admin/audit?from=2025-04-02&to=2025-04-01");
        Response badCursor = admin.get("/admin/audit?cursor=yesterday");

        assertEquals(400, notADate.statusCode());
        notADate.then().body(containsString("<a href=\"#from\">The from date must be a real date, like 2026-11-27</a>"));
        assertEquals(400, backwards.statusCode());
        backwards.then().body(containsString("<a href=\"#to\">The to date must be the same as or after the from date</a>"));
        assertEquals(400, badCursor.statusCode());
        badCursor.then().body(containsString("This page link is not valid"));
        assertEquals(400, admin.get("/admin/audit?cursor=99999999999999999-1-1").statusCode());
    }

    @Test
    void administratorsChangesAreSearchableAndNeverShowAPassword() {
        String code = "AUDITED_" + ReportRequests.unique().toUpperCase();
        String username = "audited." + ReportRequests.unique();
        String password = "never shown anywhere 123";
        admin.get("/admin/organisations/new").then().statusCode(200);
        assertEquals(303, admin.post("/admin/organisations/new", "code", code, "name", "Audited organisation").statusCode());
        assertEquals(303, admin.post("/admin/accounts/new", "username", username, "displayName", "Audited person",
                "organisation", code, "roles", "CASEWORKER", "password", password).statusCode());

        Response organisations = admin.get("/admin/audit?actor=admin&action=ADMIN_CREATE_ORGANISATION");
        Response accounts = admin.get("/admin/audit?actor=admin&action=ADMIN_CREATE_ACCOUNT");
        Response everything = admin.get("/admin/audit?actor=admin");

        organisations.then().statusCode(200).body(containsString("Created organisation " + code + " (Audited organisation)"));
        accounts.then().statusCode(200).body(containsString("Created account " + username + ": organisation " + code));
        everything.then().statusCode(200).body(not(containsString(password)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_entry WHERE detail LIKE ?", "%" + password + "%"));
    }

    private void record(String who, String action, String reference, LocalDateTime at, int number) {
        db.update("INSERT INTO audit_entry (occurred_at, actor, action, reference, detail) VALUES (?, ?, ?, ?, ?)",
                at.atZone(PARTNERSHIP).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(), who, action, reference,
                String.format("entry %02d of %s", number, who));
    }

    private static List<Integer> entriesOn(Response page) {
        assertEquals(200, page.statusCode(), page.asString());
        Matcher matcher = DETAIL.matcher(page.asString());
        List<Integer> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static List<Integer> descending(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i >= to; i--) {
            numbers.add(i);
        }
        return numbers;
    }
}
