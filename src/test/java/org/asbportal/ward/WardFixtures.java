package org.asbportal.ward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.agroal.api.AgroalDataSource;

import org.asbportal.report.ReportRequests;
import org.asbportal.triage.Cases;
import org.asbportal.figures.PoliceData;
import org.asbportal.web.ReferenceDataChanges;

/**
 * Wards of their own for tests: a one-degree square far from Bedford, so counts in it are only the
 * test's, with portal reports and police incidents placed in it.
 */
public final class WardFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A ward with its code, name and a point inside it. */
    public record TestWard(String code, String name, String lonLat) {
    }

    private WardFixtures() {
    }

    public static TestWard create(AgroalDataSource dataSource, WardLocator locator) throws SQLException {
        int n = NEXT.incrementAndGet();
        String code = ("TW" + ReportRequests.unique()).toUpperCase(Locale.ROOT);
        String name = "Test Ward " + code;
        int lon = 20 + n * 2;
        String boundary = "{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + ",20],[" + (lon + 1) + ",20],[" + (lon + 1)
                + ",21],[" + lon + ",21],[" + lon + ",20]]]}";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ward (code, name, boundary) VALUES (?, ?, ?)")) {
            insert.setString(1, code);
            insert.setString(2, name);
            insert.setString(3, boundary);
            insert.executeUpdate();
        }
        locator.reload();
        ReferenceDataChanges.changedElsewhere(dataSource, WardService.WARDS);
        return new TestWard(code, name, (lon + 0.5) + ",20.5");
    }

    /** Portal reports of a kind of behaviour in the ward, received now. */
    public static void reports(TestWard ward, int count, String queue) {
        for (int i = 0; i < count; i++) {
            Cases.report(Cases.requestFor(queue).with("location.wardCode", ward.code()), queue);
        }
    }

    /** Police incidents in the ward in a month, at one place. */
    public static void police(TestWard ward, String month, int count, String location) {
        StringBuilder csv = new StringBuilder(PoliceData.HEADER);
        String force = "Force of " + ward.code() + " " + location;
        for (int i = 0; i < count; i++) {
            csv.append(PoliceData.asb(force, month, ward.lonLat(), location));
        }
        int imported = PoliceData.importCsv("admin", csv.toString()).then().statusCode(200).extract().path("imported");
        assertEquals(count, imported);
    }
}
