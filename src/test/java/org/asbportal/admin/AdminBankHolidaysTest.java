package org.asbportal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asbportal.security.StaffSession;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.BankHolidays;
import org.asbportal.web.Calendar;
import org.asbportal.web.ReferenceDataChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Administrators see the bank holidays of each division by year, add one, remove one and import
 * GOV.UK's bank-holidays.json; the portal's calendar skips the partnership's division's at once.
 * Days added here are in 2029 or later, clear of every other test's dates, and removed afterwards.
 */
@QuarkusTest
class AdminBankHolidaysTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** GOV.UK's format: two days already known (Easter Monday 2026, Scotland's 2nd January 2026) and five of 2031. */
    static final String SAMPLE = """
            {"england-and-wales":{"division":"england-and-wales","events":[
              {"title":"Easter Monday","date":"2026-04-06","notes":"","bunting":true},
              {"title":"New Year’s Day","date":"2031-01-01","notes":"","bunting":true},
              {"title":"Good Friday","date":"2031-04-11","notes":"","bunting":false},
              {"title":"Easter Monday","date":"2031-04-14","notes":"","bunting":true}]},
             "scotland":{"division":"scotland","events":[
              {"title":"2nd January","date":"2026-01-02","notes":"","bunting":true},
              {"title":"2nd January","date":"2031-01-02","notes":"","bunting":true}]},
             "northern-ireland":{"division":"northern-ireland","events":[
              {"title":"St Patrick’s Day","date":"2031-03-17","notes":"","bunting":true}]}}
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Calendar calendar;

    AdminRows db;
    StaffSession admin;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        admin = StaffSession.signIn("admin");
    }

    @AfterEach
    void removeTheDaysAdded() {
        new org.asbportal.report.ReportRows(dataSource).update("DELETE FROM bank_holiday WHERE holiday_date >= '2029-01-01'");
        ReferenceDataChanges.changedElsewhere(dataSource, BankHolidays.BANK_HOLIDAYS);
    }

    @Test
    void listsTheCountedDivisionsBankHolidaysByYear() {
        admin.get("/admin").then().statusCode(200).body(containsString("href=\"/admin/bank-holidays\">Bank holidays</a>"));

        admin.get("/admin/bank-holidays").then().statusCode(200)
                .body(containsString("<h2 class=\"govuk-heading-l\">England and Wales</h2>"))
                .body(containsString("<caption class=\"govuk-table__caption govuk-table__caption--m\">2026</caption>"))
                .body(containsString("<caption class=\"govuk-table__caption govuk-table__caption--m\">2028</caption>"))
                .body(containsString("Monday 6 April 2026</td>\n      <td class=\"govuk-table__cell\">Easter Monday"))
                .body(containsString("Monday 28 December 2026</td>\n      <td class=\"govuk-table__cell\">Boxing Day"))
                .body(containsString("(Substitute day)"))
                .body(not(containsString("St Andrew")));
        admin.get("/admin/bank-holidays?division=scotland").then().statusCode(200)
                .body(containsString("<h2 class=\"govuk-heading-l\">Scotland</h2>"))
                .body(containsString("Monday 30 November 2026</td>\n      <td class=\"govuk-table__cell\">St Andrew’s Day"))
                .body(not(containsString("Easter Monday")));
        admin.get("/admin/bank-holidays?division=wales").then().statusCode(404);
        admin.get("/admin/bank-holidays/99999999/delete").then().statusCode(404);
        admin.get("/admin/bank-holidays/x/delete").then().statusCode(404);
    }

    @Test
    void addsAndRemovesABankHolidayWhichTheCalendarSkipsAtOnceAndAuditsBoth() {
        LocalDate day = LocalDate.of(2099, 6, 2);
        assertTrue(calendar.isWorkingDay(day), "Tuesday 2 June 2099 is a working day to start with");
        long auditBefore = db.lastAuditId();
        admin.get("/admin/bank-holidays/new").then().statusCode(200).body(containsString("value=\"england-and-wales\" checked"));

        Response added = admin.post("/admin/bank-holidays/new", "division", "england-and-wales", "date-day", "2",
                "date-month", "6", "date-year", "2099", "title", "Jubilee bank holiday");

        assertEquals(303, added.statusCode(), added.asString());
        assertEquals("/admin/bank-holidays?division=england-and-wales&saved=added", added.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertFalse(calendar.isWorkingDay(day), "the calendar skips the new bank holiday");
        long id = db.rows("SELECT id FROM bank_holiday WHERE division = 'england-and-wales' AND holiday_date = '2099-06-02'")
                .get(0).number("id");
        admin.get("/admin/bank-holidays?division=england-and-wales&saved=added").then().statusCode(200)
                .body(containsString("Bank holiday added"))
                .body(containsString("Tuesday 2 June 2099</td>\n      <td class=\"govuk-table__cell\">Jubilee bank holiday"));
        admin.get("/admin/bank-holidays/" + id + "/delete").then().statusCode(200)
                .body(containsString("Remove bank holiday"))
                .body(containsString("Tuesday 2 June 2099"));

        Response removed = admin.post("/admin/bank-holidays/" + id + "/delete");

        assertEquals(303, removed.statusCode(), removed.asString());
        assertEquals(0, db.count("SELECT COUNT(*) FROM bank_holiday WHERE id = ?", id));
        assertTrue(calendar.isWorkingDay(day), "the calendar counts the removed day as a working day again");
        assertEquals(List.of("ADMIN_ADD_BANK_HOLIDAY", "ADMIN_REMOVE_BANK_HOLIDAY"),
                db.auditAfter(auditBefore).stream().filter(a -> a.detail() != null && a.detail().contains("2099-06-02"))
                        .map(Audit::action).toList());
        assertTrue(db.auditAfter(auditBefore).stream().allMatch(a -> a.actor().equals("admin")));
        admin.post("/admin/bank-holidays/" + id + "/delete").then().statusCode(404);
    }

    @Test
    void refusesAnIncompleteFormOrADayAlreadyKnown() {
        int before = db.count("SELECT COUNT(*) FROM bank_holiday");

        Response empty = admin.post("/admin/bank-holidays/new", "division", "", "date-day", "", "date-month", "", "date-year", "",
                "title", " ");
        Response wrong = admin.post("/admin/bank-holidays/new", "division", "wales", "date-day", "30", "date-month", "2",
                "date-year", "2099", "title", "x".repeat(121));
        Response known = admin.post("/admin/bank-holidays/new", "division", "england-and-wales", "date-day", "6",
                "date-month", "4", "date-year", "2026", "title", "Easter Monday");

        assertEquals(400, empty.statusCode());
        empty.then().body(containsString("<a href=\"#division\">Choose whose bank holiday it is</a>"))
                .body(containsString("<a href=\"#date\">Enter the date of the bank holiday</a>"))
                .body(containsString("<a href=\"#title\">Enter the name of the bank holiday</a>"));
        assertEquals(400, wrong.statusCode());
        wrong.then().body(containsString("<a href=\"#division\">Choose whose bank holiday it is</a>"))
                .body(containsString("<a href=\"#date\">The date of the bank holiday must be a real date</a>"))
                .body(containsString("<a href=\"#title\">The name must be 120 characters or fewer</a>"));
        assertEquals(400, known.statusCode());
        known.then().body(containsString("There is already a bank holiday on Monday 6 April 2026 in England and Wales"));
        assertEquals(before, db.count("SELECT COUNT(*) FROM bank_holiday"));
    }

    @Test
    void importsGovUksFileAddingWhatIsNewAndAgainAddingNothing() {
        long auditBefore = db.lastAuditId();
        Upload upload = Upload.signIn("admin");

        upload.post(SAMPLE).then().statusCode(200)
                .body(containsString("Bank holidays imported"))
                .body(containsString("5 added, 2 already known"))
                .body(containsString("Added for England and Wales</dt><dd class=\"govuk-summary-list__value\">3"));

        assertEquals(3, db.count("SELECT COUNT(*) FROM bank_holiday WHERE division = 'england-and-wales' AND YEAR(holiday_date) = 2031"));
        assertEquals("St Patrick’s Day", db.rows("SELECT title FROM bank_holiday WHERE division = 'northern-ireland' "
                + "AND holiday_date = '2031-03-17'").get(0).string("title"));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2031, 4, 14)), "Easter Monday 2031 is skipped once imported");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2031, 1, 2)), "Scotland's 2nd January is not England's");
        List<Audit> audit = db.auditAfter(auditBefore, "ADMIN_IMPORT_BANK_HOLIDAYS");
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).detail().startsWith("Imported bank holidays: 5 added, 0 renamed, 2 already known"), audit.get(0).detail());

        upload.post(SAMPLE).then().statusCode(200).body(containsString("0 added, 7 already known"));

        assertEquals(5, db.count("SELECT COUNT(*) FROM bank_holiday WHERE YEAR(holiday_date) = 2031"));
        assertEquals(1, db.auditAfter(auditBefore, "ADMIN_IMPORT_BANK_HOLIDAYS").size(), "an import that changes nothing is not a change");
    }

    @Test
    void anImportRenamesADayGovUkNowNamesOtherwise() {
        Upload upload = Upload.signIn("admin");
        upload.post(SAMPLE).then().statusCode(200);

        upload.post(SAMPLE.replace("\"St Patrick’s Day\",\"date\":\"2031-03-17\",\"notes\":\"\"",
                "\"St Patrick’s Day\",\"date\":\"2031-03-17\",\"notes\":\"Substitute day\"")).then().statusCode(200)
                .body(containsString("0 added, 6 already known, 1 renamed"));

        assertEquals("Substitute day", db.rows("SELECT notes FROM bank_holiday WHERE division = 'northern-ireland' "
                + "AND holiday_date = '2031-03-17'").get(0).string("notes"));
    }

    @Test
    void refusesAFileThatIsNotGovUksBankHolidaysWithAClearMessage() {
        Upload upload = Upload.signIn("admin");
        int before = db.count("SELECT COUNT(*) FROM bank_holiday");
        long auditBefore = db.lastAuditId();

        Map<String, String> refused = Map.of(
                "{\"england-and-wales\": {\"events\": [", "The file is not JSON (the problem is at line 1",
                "not json at all", "The file is not JSON",
                "[1, 2, 3]", "The file must be a JSON object with a member for each division",
                "{}", "The file has none of the divisions GOV.UK publishes",
                "{\"wales\": {\"division\": \"wales\", \"events\": []}}", "&quot;wales&quot; is not a division GOV.UK publishes",
                "{\"scotland\": {\"division\": \"scotland\", \"events\": {}}}", "&quot;scotland&quot; must be an object with a list of events",
                "{\"england-and-wales\": {\"events\": [{\"title\": \"Leap day\", \"date\": \"2031-02-29\"}]}}",
                "England and Wales, event 1: the date &quot;2031-02-29&quot; is not a real date as YYYY-MM-DD",
                "{\"england-and-wales\": {\"events\": [{\"title\": \"Boxing Day\", \"date\": \"26/12/2031\"}, {\"date\": \"2031-12-25\"}]}}",
                "England and Wales, event 2: give its &quot;title&quot;",
                "{\"england-and-wales\": {\"events\": [{\"title\": \"A\", \"date\": \"2031-12-25\"}, "
                        + "{\"title\": \"B\", \"date\": \"2031-12-25\"}]}}", "England and Wales, event 2: there are two events on 2031-12-25",
                "{\"northern-ireland\": {\"events\": [\"2031-03-17\"]}}", "Northern Ireland, event 1: each event must be an object");
        refused.forEach((file, message) -> upload.post(file).then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString(message))
                .body(not(containsString("Exception"))));
        upload.post("").then().statusCode(400).body(containsString("Choose GOV.UK&#39;s bank-holidays.json file to upload"));
        upload.post(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}).then().statusCode(400)
                .body(containsString("The file is not JSON text in UTF-8"));

        assertEquals(before, db.count("SELECT COUNT(*) FROM bank_holiday"), "nothing of a refused file is imported");
        assertEquals(List.of(), db.auditAfter(auditBefore, "ADMIN_IMPORT_BANK_HOLIDAYS"));
    }

    @Test
    void staffWhoAreNotAdministratorsCannotChangeBankHolidays() {
        long id = db.rows("SELECT id FROM bank_holiday WHERE division = 'england-and-wales' AND holiday_date = '2026-04-06'")
                .get(0).number("id");
        int before = db.count("SELECT COUNT(*) FROM bank_holiday");
        Upload adminsForm = Upload.signIn("admin");
        for (String who : AdminAuthorisationTest.NOT_ADMINS) {
            StaffSession staff = StaffSession.signIn(who);
            staff.get("/admin/bank-holidays").then().statusCode(403);
            staff.get("/admin/bank-holidays/import").then().statusCode(403);
            staff.post("/admin/bank-holidays/" + id + "/delete").then().statusCode(403);
            staff.post("/admin/bank-holidays/new", "division", "england-and-wales", "date-day", "2", "date-month", "6",
                    "date-year", "2099", "title", "Not allowed").then().statusCode(403);
            Upload.as(staff, adminsForm.token(), adminsForm.csrfCookie()).post(SAMPLE).then().statusCode(403);
        }
        assertEquals(before, db.count("SELECT COUNT(*) FROM bank_holiday"));
        StaffSession.anonymous().get("/admin/bank-holidays").then().statusCode(302);
    }

    /** A signed-in browser posting the import form, with the form's CSRF token. */
    private record Upload(Map<String, String> session, String csrfCookie, String token) {

        static Upload signIn(String username) {
            Map<String, String> session = StaffSession.signIn(username).sessionCookies();
            Response page = given().cookies(session).accept("text/html").get("/admin/bank-holidays/import");
            page.then().statusCode(200);
            Matcher m = CSRF.matcher(page.asString());
            assertTrue(m.find(), "the page has a CSRF token");
            return new Upload(session, page.cookie(StaffSession.CSRF_COOKIE), m.group(1));
        }

        /** Another member of staff's browser, with a valid CSRF pair (as a forged page could not have). */
        static Upload as(StaffSession staff, String token, String csrfCookie) {
            return new Upload(staff.sessionCookies(), csrfCookie, token);
        }

        Response post(String content) {
            return post(content.getBytes(StandardCharsets.UTF_8));
        }

        Response post(byte[] content) {
            return given().cookies(session).cookie(StaffSession.CSRF_COOKIE, csrfCookie)
                    .accept("text/html").redirects().follow(false)
                    .multiPart("csrf-token", token)
                    .multiPart("holidaysFile", "bank-holidays.json", content, "application/json")
                    .post("/admin/bank-holidays/import");
        }
    }
}
