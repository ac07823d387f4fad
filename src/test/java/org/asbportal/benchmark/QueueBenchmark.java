package org.asbportal.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * How fast an officer's queue answers with 100,000 open items in it: the first page, pages deep in
 * the queue through the keyset cursor, filtered pages, and the "my queues" counts, over HTTP as a
 * signed-in officer's browser asks for them. Prints timings (and the database's query plan); asserts
 * nothing about speed. Not part of {@code ./mvnw verify}: run with {@code ./mvnw verify -Pbenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueBenchmark {

    static final String QUEUE = "YOUTH_OUTREACH";
    static final int ITEMS = Integer.getInteger("benchmark.queue-items", 100_000);
    /** Closed items written besides the open ones, one for every ten open. */
    static final int CLOSED = ITEMS / 10;
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 200);
    static final String PREFIX = "QB-";
    static final String[] LEVELS = {"STANDARD", "MEDIUM", "HIGH"};
    static final String[] WARDS = {"E36001576", "E36001577", "E36001578", null};
    /** The columns the queue page filters ward and kind of behaviour on, for the query plans. */
    static final String WARD = "i.ward_code";
    static final String CATEGORY = "i.category_code";

    @Inject
    AgroalDataSource dataSource;

    private StaffSession officer;

    @BeforeAll
    void fillTheQueue() throws SQLException {
        removeFixture();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long queueId = single(connection, "SELECT id FROM triage_queue WHERE code = '" + QUEUE + "'");
            long caseworker = single(connection, "SELECT id FROM staff_account WHERE username = 'caseworker'");
            LocalDateTime base = LocalDateTime.of(2026, 1, 5, 9, 0);
            try (PreparedStatement report = connection.prepareStatement("INSERT INTO report (reference, access_code_hash, "
                    + "status, category_code, description, occurred_on, still_happening, location_description, ward_code, "
                    + "risk_level, risk_score, risk_reasons, anonymous, reporter_role, consent_to_share, captcha_outcome, "
                    + "channel, submitted_at) VALUES (?, 'not-a-hash', ?, ?, 'Benchmark fixture', ?, FALSE, "
                    + "'Benchmark place', ?, ?, 0, '', TRUE, 'WITNESS', FALSE, 'NOT_REQUIRED', 'API', ?)")) {
                for (int i = 0; i < ITEMS + CLOSED; i++) {
                    report.setString(1, reference(i));
                    report.setString(2, i < ITEMS ? "RECEIVED" : "CLOSED");
                    report.setString(3, i % 2 == 0 ? "ROWDY" : "NOISE");
                    report.setObject(4, LocalDate.of(2026, 1, 1));
                    report.setObject(5, WARDS[i % WARDS.length], Types.VARCHAR);
                    report.setString(6, LEVELS[rank(i)]);
                    report.setObject(7, created(base, i));
                    report.addBatch();
                    if (i % 5000 == 4999) {
                        report.executeBatch();
                    }
                }
                report.executeBatch();
            }
            try (Statement items = connection.createStatement()) {
                items.executeUpdate("INSERT INTO queue_item (report_id, queue_id, status, risk_level, risk_rank, "
                        + "first_contact_due_by, created_at, assigned_to, assigned_at, closed_at, outcome, ward_code, category_code) "
                        + "SELECT r.id, " + queueId + ", IF(r.status = 'CLOSED', 'CLOSED', IF(r.id % 3 = 0, 'NEW', 'IN_PROGRESS')), "
                        + "r.risk_level, CASE r.risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END, "
                        + "IF(r.id % 7 = 0, '2026-01-01', '2099-01-01'), r.submitted_at, "
                        + "IF(r.id % 3 = 0, NULL, " + caseworker + "), IF(r.id % 3 = 0, NULL, r.submitted_at), "
                        + "IF(r.status = 'CLOSED', r.submitted_at + INTERVAL 2 DAY, NULL), IF(r.status = 'CLOSED', 'RESOLVED', NULL), "
                        + "r.ward_code, r.category_code "
                        + "FROM report r WHERE r.reference LIKE '" + PREFIX + "%'");
                items.execute("ANALYZE TABLE report, queue_item");
            }
            connection.commit();
        }
        System.out.printf(Locale.ROOT, "%nQueue benchmark: %,d open and %,d closed items written to %s in %.1f s%n", ITEMS,
                CLOSED, QUEUE, (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void removeFixture() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE i FROM queue_item i JOIN report r ON r.id = i.report_id WHERE r.reference LIKE '"
                    + PREFIX + "%'");
            delete.executeUpdate("DELETE FROM report_event WHERE report_id IN (SELECT id FROM report WHERE reference LIKE '"
                    + PREFIX + "%')");
            delete.executeUpdate("DELETE FROM report WHERE reference LIKE '" + PREFIX + "%'");
        }
    }

    @Test
    void queuePagesWithAHundredThousandOpenItems() throws SQLException {
        officer = StaffSession.signIn("admin");
        String page = "/staff/queues/" + QUEUE;
        measure("first page", i -> page);
        List<String> deep = cursorsDownTheQueue(page, 400);
        measure("pages 1-400 by cursor", i -> page + "?cursor=" + deep.get(i % deep.size()));
        measure("high risk only", i -> page + "?risk=HIGH");
        measure("unassigned only", i -> page + "?assigned=unassigned");
        measure("overdue only", i -> page + "?overdue=true");
        measure("one ward", i -> page + "?ward=" + WARDS[i % 3]);
        measure("one category", i -> page + "?category=NOISE");
        measure("one category, deep", i -> page + "?category=NOISE&cursor=" + deep.get(i % deep.size()));
        measure("one ward and high risk", i -> page + "?risk=HIGH&ward=" + WARDS[i % 3]);
        measure("one kind and unassigned", i -> page + "?category=NOISE&assigned=unassigned");
        measure("one ward and one kind", i -> page + "?category=NOISE&ward=" + WARDS[i % 3]);
        measure("overdue in one ward", i -> page + "?overdue=true&ward=" + WARDS[i % 3]);
        measure("closed", i -> page + "?status=closed");
        measure("closed in one ward", i -> page + "?status=closed&ward=" + WARDS[i % 3]);
        measure("all, open and closed", i -> page + "?status=all");
        measure("my queues with counts", i -> "/staff");
        explain("a deep page", "i.open_item = 1 AND (i.risk_rank < 1 OR (i.risk_rank = 1 AND i.created_at > '2026-01-01'))");
        explain("one ward", "i.open_item = 1 AND " + WARD + " = 'E36001576'");
        explain("one kind", "i.open_item = 1 AND " + CATEGORY + " = 'NOISE'");
        explain("one ward and high risk", "i.open_item = 1 AND i.risk_rank = 2 AND " + WARD + " = 'E36001576'");
        explain("one kind and unassigned", "i.open_item = 1 AND " + CATEGORY + " = 'NOISE' AND i.assigned_to IS NULL");
        explain("one ward and one kind", "i.open_item = 1 AND " + CATEGORY + " = 'NOISE' AND " + WARD + " = 'E36001576'");
        explain("overdue in one ward", "i.open_item = 1 AND " + WARD + " = 'E36001576' AND i.status = 'NEW' "
                + "AND i.first_contact_due_by < CURRENT_DATE");
        explain("closed", "i.open_item = 0");
        explain("all, open and closed", "1 = 1");
    }

    /** Follows "Next page" from the first page, keeping every cursor met. */
    private List<String> cursorsDownTheQueue(String page, int pages) {
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            Response response = officer.get(cursor == null ? page : page + "?cursor=" + cursor);
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("cursor=([A-Za-z0-9_-]+)").matcher(response.asString());
            if (!next.find()) {
                break;
            }
            cursor = next.group(1);
            cursors.add(cursor);
        }
        return cursors;
    }

    private void measure(String name, IntFunction<String> path) {
        for (int i = 0; i < 20; i++) {
            officer.get(path.apply(i));
        }
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            Response response = officer.get(path.apply(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode() + " for " + path.apply(i));
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "  %-24s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d requests)%n", name,
                millis[ROUNDS / 2], millis[(int) Math.ceil(ROUNDS * 0.95) - 1], millis[ROUNDS - 1], ROUNDS);
    }

    /** The plan of a page's query (shaped and selecting as the service's), to see that it walks an index without sorting. */
    private void explain(String name, String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN SELECT i.*, r.*, a.* FROM queue_item i "
                        + "JOIN report r ON r.id = i.report_id "
                        + "LEFT JOIN staff_account a ON a.id = i.assigned_to "
                        + "WHERE i.queue_id = " + single(connection, "SELECT id FROM triage_queue WHERE code = '" + QUEUE + "'")
                        + " AND " + condition + " ORDER BY i.risk_rank DESC, i.created_at, i.id LIMIT 26")) {
            System.out.println("  plan of " + name + ":");
            while (plan.next()) {
                System.out.printf("    %s %s key=%s rows=%s %s%n", plan.getString("table"), plan.getString("type"),
                        plan.getString("key"), plan.getString("rows"), plan.getString("Extra"));
            }
        }
    }

    private static String reference(int i) {
        return PREFIX + String.format("%010d", i);
    }

    /** 50% standard, 30% medium, 20% high, interleaved. */
    private static int rank(int i) {
        int slot = (i * 7) % 10;
        return slot < 5 ? 0 : slot < 8 ? 1 : 2;
    }

    private static LocalDateTime created(LocalDateTime base, int i) {
        return base.minusSeconds((i * 37L) % 2_000_000).plusNanos((i % 5) * 100_001_000L);
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
