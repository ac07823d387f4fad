package org.asbportal.figures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * How fast a ward summary for 12 months answers with 1,000,000 portal reports (each with its queue
 * item, a third taken up by an officer, a quarter closed) and 1,000,000 police-recorded incidents
 * spread over 24 months and the 27 Bedford wards, over HTTP as a script asks for it. The rows are
 * written by the database itself (INSERT … SELECT from a sequence), then the ward counts the summary
 * reads are filled as production fills them after a change of boundaries ({@link WardCounts#rebuildAll()}).
 * Prints timings and asserts nothing about speed. Run with {@code ./mvnw -B verify -Pbenchmark -Dtest=WardSummaryBenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WardSummaryBenchmark {

    static final int ROWS = Integer.getInteger("benchmark.ward-rows", 1_000_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 200);
    static final int CHUNK = 100_000;
    static final String PREFIX = "WB-";
    static final String FORCE = "Benchmark Constabulary";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardCounts counts;

    @BeforeAll
    void fill() throws SQLException {
        removeFixture();
        long start = System.nanoTime();
        YearMonth first = YearMonth.now(ZoneOffset.UTC).minusMonths(23);
        String base = "'" + first.atDay(1) + "'";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMPORARY TABLE bench_ward (n INT PRIMARY KEY, code VARCHAR(16)) "
                    + "SELECT ROW_NUMBER() OVER (ORDER BY code) - 1 AS n, code FROM ward WHERE code LIKE 'E36%'");
            long queueId = single(sql, "SELECT id FROM triage_queue WHERE code = 'COUNCIL_ASB'");
            for (int from = 1; from <= ROWS; from += CHUNK) {
                String seq = "seq_" + from + "_to_" + Math.min(ROWS, from + CHUNK - 1);
                sql.executeUpdate("INSERT INTO report (reference, access_code_hash, status, category_code, description, "
                        + "occurred_on, occurred_time, still_happening, location_description, ward_code, risk_level, risk_score, "
                        + "risk_reasons, anonymous, reporter_role, consent_to_share, captcha_outcome, channel, submitted_at) "
                        + "SELECT CONCAT('" + PREFIX + "', LPAD(s.seq, 10, '0')), 'not-a-hash', "
                        + "IF(s.seq % 4 = 0, 'CLOSED', IF(s.seq % 3 = 0, 'IN_PROGRESS', 'RECEIVED')), "
                        + "ELT(1 + s.seq % 4, 'NOISE', 'ROWDY', 'FLY_TIPPING', 'NEIGHBOUR'), 'Benchmark fixture', "
                        + "DATE(" + base + " + INTERVAL (s.seq * 61) % 63072000 SECOND), "
                        + "IF(s.seq % 5 = 0, NULL, SEC_TO_TIME((s.seq * 3607) % 86400)), FALSE, 'Benchmark place', w.code, "
                        + "ELT(1 + s.seq % 3, 'STANDARD', 'MEDIUM', 'HIGH'), 0, '', TRUE, 'WITNESS', FALSE, 'NOT_REQUIRED', "
                        + "'API', " + base + " + INTERVAL (s.seq * 61) % 63072000 SECOND "
                        + "FROM " + seq + " s JOIN bench_ward w ON w.n = s.seq % 27");
                sql.executeUpdate("INSERT INTO queue_item (report_id, queue_id, status, risk_level, first_contact_due_by, "
                        + "created_at, closed_at, ward_code, category_code) SELECT r.id, " + queueId + ", "
                        + "IF(r.status = 'CLOSED', 'CLOSED', 'NEW'), r.risk_level, DATE(r.submitted_at), r.submitted_at, "
                        + "IF(r.status = 'CLOSED', r.submitted_at + INTERVAL (r.id % 40) DAY, NULL), r.ward_code, r.category_code "
                        + "FROM report r "
                        + "WHERE r.reference BETWEEN CONCAT('" + PREFIX + "', LPAD(" + from + ", 10, '0')) "
                        + "AND CONCAT('" + PREFIX + "', LPAD(" + Math.min(ROWS, from + CHUNK - 1) + ", 10, '0'))");
                sql.executeUpdate("INSERT INTO report_event (report_id, occurred_at, kind, is_public, actor, message) "
                        + "SELECT r.id, r.submitted_at + INTERVAL (r.id % 5) DAY, 'IN_PROGRESS', TRUE, 'benchmark', 'Taken up' "
                        + "FROM report r WHERE r.status <> 'RECEIVED' "
                        + "AND r.reference BETWEEN CONCAT('" + PREFIX + "', LPAD(" + from + ", 10, '0')) "
                        + "AND CONCAT('" + PREFIX + "', LPAD(" + Math.min(ROWS, from + CHUNK - 1) + ", 10, '0'))");
                sql.executeUpdate("INSERT INTO report_event (report_id, occurred_at, kind, is_public, actor, message) "
                        + "SELECT r.id, r.submitted_at + INTERVAL (r.id % 40) DAY, 'CLOSED', TRUE, 'benchmark', 'Closed' "
                        + "FROM report r WHERE r.status = 'CLOSED' "
                        + "AND r.reference BETWEEN CONCAT('" + PREFIX + "', LPAD(" + from + ", 10, '0')) "
                        + "AND CONCAT('" + PREFIX + "', LPAD(" + Math.min(ROWS, from + CHUNK - 1) + ", 10, '0'))");
                sql.executeUpdate("INSERT INTO police_incident (force_name, month, longitude, latitude, location, lsoa_code, "
                        + "lsoa_name, ward_code, imported_at) SELECT '" + FORCE + "', " + base + " + INTERVAL s.seq % 24 MONTH, "
                        + "-0.46, 52.13, CONCAT('On or near Street ', s.seq % 400), 'E01017544', 'Bedford 001C', w.code, NOW(6) "
                        + "FROM " + seq + " s JOIN bench_ward w ON w.n = (s.seq DIV 24) % 27");
            }
            sql.execute("ANALYZE TABLE report, queue_item, report_event, police_incident");
        }
        System.out.printf(Locale.ROOT, "%nWard summary benchmark: %,d portal reports and %,d police incidents written in %.1f s%n",
                ROWS, ROWS, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        rebuild();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE TABLE ward_month_count, ward_month_hour, ward_month_duration, ward_month_place");
            System.out.printf(Locale.ROOT, "  ward counts rebuilt in %.1f s: %,d counts, %,d hour cells, %,d durations, %,d places%n",
                    (System.nanoTime() - start) / 1e9, single(sql, "SELECT COUNT(*) FROM ward_month_count"),
                    single(sql, "SELECT COUNT(*) FROM ward_month_hour"), single(sql, "SELECT COUNT(*) FROM ward_month_duration"),
                    single(sql, "SELECT COUNT(*) FROM ward_month_place"));
        }
    }

    @AfterAll
    void removeFixture() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM police_incident WHERE force_name = '" + FORCE + "'");
            delete.executeUpdate("DELETE e FROM report_event e JOIN report r ON r.id = e.report_id WHERE r.reference LIKE '"
                    + PREFIX + "%'");
            delete.executeUpdate("DELETE i FROM queue_item i JOIN report r ON r.id = i.report_id WHERE r.reference LIKE '"
                    + PREFIX + "%'");
            delete.executeUpdate("DELETE FROM report WHERE reference LIKE '" + PREFIX + "%'");
        }
        rebuild();
    }

    private void rebuild() {
        QuarkusTransaction.requiringNew().timeout(3600).run(counts::rebuildAll);
    }

    @Test
    void twelveMonthWardSummary() {
        String castle = "/api/v1/wards/E36001578/summary";
        Response sample = StaffApi.as("admin").get(castle);
        System.out.printf(Locale.ROOT, "  Castle, 12 months: %s portal reports, %s police incidents%n",
                sample.path("bySource.portal"), sample.path("bySource.police"));
        measure("12-month summary, admin", i -> StaffApi.as("admin").get(castle));
        measure("12-month summary, councillor", i -> StaffApi.as("councillor")
                .get(i % 2 == 0 ? castle : "/api/v1/wards/E36001582/summary"));
        // The same requests with an API token instead of the password: one lookup of its hash, no bcrypt.
        String adminToken = apiToken("admin");
        String councillorToken = apiToken("councillor");
        measure("12-month summary, admin token", i -> StaffApi.withToken(adminToken).get(castle));
        measure("12-month summary, cllr token", i -> StaffApi.withToken(councillorToken)
                .get(i % 2 == 0 ? castle : "/api/v1/wards/E36001582/summary"));
        // HTTP Basic checks the bcrypt hash of the password on every request; a councillor reading the
        // page signs in once and sends the session cookie, so this row is the summary without that cost.
        StaffSession councillor = StaffSession.signIn("councillor");
        measure("12-month ward page, councillor signed in", i -> councillor
                .get(i % 2 == 0 ? "/wards/E36001578" : "/wards/E36001582"));
    }

    /** An API token of the account, made on its own token page as its owner makes one. */
    private static String apiToken(String username) {
        StaffSession staff = StaffSession.signIn(username);
        Response page = staff.post("/staff/api-tokens", "name", "Ward summary benchmark", "days", "1");
        Matcher token = Pattern.compile("value=\"(asb_[A-Za-z0-9_-]{43})\"").matcher(page.asString());
        if (page.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No API token for " + username + ": " + page.statusCode());
        }
        return token.group(1);
    }

    private void measure(String name, IntFunction<Response> request) {
        for (int i = 0; i < 20; i++) {
            request.apply(i);
        }
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            Response response = request.apply(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode());
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "  %-30s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)%n", name,
                millis[ROUNDS / 2], millis[(int) Math.ceil(ROUNDS * 0.95) - 1], millis[ROUNDS - 1], ROUNDS);
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
