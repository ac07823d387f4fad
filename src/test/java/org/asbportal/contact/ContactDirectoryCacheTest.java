package org.asbportal.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.asbportal.web.ReferenceData;
import org.asbportal.web.ReferenceDataChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory residents see on the contact page is held in memory: read from the database once,
 * shown again without reading it, and read again when an administrator edits it on this replica
 * (at once) or on another one (at the next check of the change counters).
 */
@QuarkusTest
class ContactDirectoryCacheTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferenceData reference;

    String code;

    @BeforeEach
    void setUp() {
        code = "CACHE_" + ReportRequests.unique().toUpperCase();
    }

    @AfterEach
    void removeTestAgency() {
        execute("DELETE FROM agency WHERE code = ?", code);
        ReferenceDataChanges.changedElsewhere(dataSource, ContactService.DIRECTORY);
    }

    @Test
    void theContactPageIsShownAgainWithoutReadingTheDirectory() {
        contactPage();
        long loads = reference.loads();

        for (int i = 0; i < 20; i++) {
            contactPage();
        }

        assertEquals(loads, reference.loads(), "twenty contact pages read nothing from the database");
    }

    @Test
    void aChangeMadeElsewhereShowsAfterTheCheckOfTheCounters() {
        contactPage().then().body(not(containsString("Wardens " + code)));
        insertAgency("Wardens " + code, "01632 960555");

        contactPage().then().body(not(containsString("Wardens " + code)));
        ReferenceDataChanges.signal(dataSource, ContactService.DIRECTORY);
        contactPage().then().body(not(containsString("Wardens " + code)));

        ReferenceDataChanges.check();

        contactPage().then().body(containsString("Wardens " + code)).body(containsString("01632 960555"));
    }

    @Test
    void anAdministratorsEditShowsOnTheContactPageAtOnce() {
        insertAgency("Wardens " + code, "01632 960555");
        ReferenceDataChanges.changedElsewhere(dataSource, ContactService.DIRECTORY);
        contactPage().then().body(containsString("01632 960555"));
        long id = agencyId();
        StaffSession admin = StaffSession.signIn("admin");
        admin.get("/admin/directory/" + id).then().statusCode(200);

        Response edited = admin.postRepeated("/admin/directory/" + id, Map.of("name", List.of("Wardens " + code),
                "handles", List.of("Litter and dog fouling"), "phone", List.of("01632 960777"), "urgency", List.of("ROUTINE"),
                "sortOrder", List.of("70"), "categories", List.of("FLY_TIPPING")));

        assertEquals(303, edited.statusCode(), edited.asString());
        contactPage().then().body(containsString("01632 960777")).body(not(containsString("01632 960555")));
    }

    private Response contactPage() {
        Response page = given().accept("text/html").get("/contact");
        page.then().statusCode(200);
        return page;
    }

    private void insertAgency(String name, String phone) {
        execute("INSERT INTO agency (code, name, handles, phone, urgency, sort_order) VALUES (?, '" + name + "', "
                + "'Litter', '" + phone + "', 'ROUTINE', 70)", code);
    }

    private long agencyId() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM agency WHERE code = ?")) {
            select.setString(1, code);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
