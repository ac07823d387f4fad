package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffApi;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Walking a large queue page by page through {@code GET /api/v1/queues/{code}/items?cursor=}: 3,000
 * items written straight into the database (risk and age varied, many received at the same
 * instant), removed again afterwards so other tests' queues are as they left them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuePaginationTest {

    static final String QUEUE = "YOUTH_OUTREACH";
    static final int ITEMS = 3000;
    static final int PAGE_SIZE = 25;
    static final String[] LEVELS = {"STANDARD", "MEDIUM", "HIGH"};

    /** Sort key and filter facts of one queue item, as stored. */
    record Stored(String reference, int rank, LocalDateTime created, long id, String riskLevel, String status,
            boolean assigned) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Every fixture's reference starts with this: {@code QP-xxxx-nnnnn}, 13 characters. */
    String prefix;

    @BeforeAll
    void writeALargeQueue() throws SQLException {
        prefix = "QP-" + ReportRequests.unique().substring(0, 4).toUpperCase() + "-";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long queueId = single(connection, "SELECT id FROM triage_queue WHERE code = ?", QUEUE);
            long caseworker = single(connection, "SELECT id FROM staff_account WHERE username = ?", "caseworker");
            LocalDateTime base = LocalDateTime.of(2026, 1, 5, 9, 0);
            try (PreparedStatement report = connection.prepareStatement("INSERT INTO report (reference, access_code_hash, "
                    + "status, category_code, description, occurred_on, still_happening, location_description, "
                    + "young_people_involved, risk_level, risk_score, risk_reasons, anonymous, reporter_role, consent_to_share, "
                    + "captcha_outcome, channel, submitted_at) VALUES (?, 'not-a-hash', ?, 'ROWDY', ?, ?, FALSE, ?, TRUE, ?, ?, '', "
                    + "TRUE, 'WITNESS', FALSE, 'NOT_REQUIRED', 'API', ?)")) {
                for (int i = 0; i < ITEMS; i++) {
                    report.setString(1, reference(i));
                    report.setString(2, closed(i) ? "CLOSED" : assigned(i) ? "IN_PROGRESS" : "RECEIVED");
                    report.setString(3, "Queue paging fixture " + i);
                    report.setObject(4, LocalDate.of(1990, 1, 1));
                    report.setString(5, "Paging fixture place " + prefix + i);
                    report.setString(6, LEVELS[rank(i)]);
                    report.setInt(7, rank(i) * 3);
                    report.setObject(8, created(base, i));
                    report.addBatch();
                }
                report.executeBatch();
            }
            Map<String, Long> reportIds = new HashMap<>();
            try (PreparedStatement ids = connection.prepareStatement("SELECT id, reference FROM report WHERE reference LIKE ?")) {
                ids.setString(1, prefix + "%");
                try (ResultSet rows = ids.executeQuery()) {
                    while (rows.next()) {
                        reportIds.put(rows.getString(2), rows.getLong(1));
                    }
                }
            }
            assertEquals(ITEMS, reportIds.size());
            try (PreparedStatement item = connection.prepareStatement("INSERT INTO queue_item (report_id, queue_id, status, "
                    + "risk_level, risk_rank, first_contact_due_by, created_at, assigned_to, assigned_at, closed_at, outcome, "
                    + "category_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ROWDY')")) {
                for (int i = 0; i < ITEMS; i++) {
                    LocalDateTime created = created(base, i);
                    item.setLong(1, reportIds.get(reference(i)));
                    item.setLong(2, queueId);
                    item.setString(3, closed(i) ? "CLOSED" : assigned(i) ? "IN_PROGRESS" : "NEW");
                    item.setString(4, LEVELS[rank(i)]);
                    item.setInt(5, rank(i));
                    item.setObject(6, TestDates.clockToday().plusDays(30));
                    item.setObject(7, created);
                    item.setObject(8, assigned(i) ? caseworker : null, Types.BIGINT);
                    item.setObject(9, assigned(i) ? created.plusHours(1) : null, Types.TIMESTAMP);
                    item.setObject(10, closed(i) ? created.plusDays(2) : null, Types.TIMESTAMP);
                    item.setString(11, closed(i) ? "RESOLVED" : null);
                    item.addBatch();
                }
                item.executeBatch();
            }
            connection.commit();
        }
    }

    @AfterAll
    void removeTheLargeQueue() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement items = connection.prepareStatement(
                        "DELETE i FROM queue_item i JOIN report r ON r.id = i.report_id WHERE r.reference LIKE ?");
                PreparedStatement reports = connection.prepareStatement("DELETE FROM report WHERE reference LIKE ?")) {
            items.setString(1, prefix + "%");
            items.executeUpdate();
            reports.setString(1, prefix + "%");
            reports.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- the fixture's shape

    private String reference(int i) {
        return prefix + String.format("%05d", i);
    }

    /** 50% standard, 30% medium, 20% high, interleaved. */
    private static int rank(int i) {
        int slot = (i * 7) % 10;
        return slot < 5 ? 0 : slot < 8 ? 1 : 2;
    }

    /** 700 minutes apart at most; every fifth item shares its instant with others, to the microsecond. */
    private static LocalDateTime created(LocalDateTime base, int i) {
        return base.minusMinutes((i * 37L) % 700).plusNanos((i % 5) * 100_001_000L);
    }

    private static boolean closed(int i) {
        return i % 11 == 0;
    }

    private static boolean assigned(int i) {
        return i % 3 != 0;
    }

    // ---------------------------------------------------------------- walking

    @Test
    void walksEveryOpenItemExactlyOnceHighestRiskThenOldestThenFirstSaved() {
        List<Map<String, Object>> walked = walk(Map.of());

        List<Stored> expected = stored("i.status <> 'CLOSED'");
        List<String> references = references(walked);
        assertEquals(references.size(), new HashSet<>(references).size(), "no item twice");
        assertEquals(expected.stream().map(Stored::reference).toList(), references);
        assertInQueueOrder(references);
        Set<String> mine = references.stream().filter(r -> r.startsWith(prefix)).collect(Collectors.toSet());
        assertEquals(ITEMS - ITEMS / 11 - 1, mine.size(), "every open fixture item");
        assertTrue(walked.stream().noneMatch(item -> "CLOSED".equals(item.get("status"))));
    }

    @Test
    void keepsToTheRiskFilterOnEveryPage() {
        List<Map<String, Object>> walked = walk(Map.of("risk", "HIGH"));

        assertTrue(walked.stream().allMatch(item -> "HIGH".equals(item.get("riskLevel"))), "only high risk");
        assertEquals(stored("i.status <> 'CLOSED' AND i.risk_level = 'HIGH'").stream().map(Stored::reference).toList(),
                references(walked));
        assertInQueueOrder(references(walked));
    }

    @Test
    void keepsToTheUnassignedFilterOnEveryPage() {
        List<Map<String, Object>> walked = walk(Map.of("assigned", "unassigned"));

        assertTrue(walked.stream().allMatch(item -> item.get("assignee") == null), "only unassigned");
        assertEquals(stored("i.status <> 'CLOSED' AND i.assigned_to IS NULL").stream().map(Stored::reference).toList(),
                references(walked));
        assertInQueueOrder(references(walked));
    }

    @Test
    void keepsToTheClosedFilterOnEveryPage() {
        List<Map<String, Object>> walked = walk(Map.of("status", "closed"));

        assertTrue(walked.stream().allMatch(item -> "CLOSED".equals(item.get("status"))), "only closed");
        List<String> expected = stored("i.status = 'CLOSED'").stream().map(Stored::reference).toList();
        assertEquals(expected, references(walked));
        assertTrue(expected.stream().filter(r -> r.startsWith(prefix)).count() == ITEMS / 11 + 1, "every closed fixture item");
        assertInQueueOrder(references(walked));
    }

    /** Open and closed together are read as two walks and merged: every page still in the queue's order. */
    @Test
    void walksOpenAndClosedTogetherInOneOrderAcrossPages() {
        List<Map<String, Object>> walked = walk(Map.of("status", "all"));

        List<String> expected = stored("TRUE").stream().map(Stored::reference).toList();
        assertEquals(expected, references(walked));
        assertEquals(ITEMS, expected.stream().filter(r -> r.startsWith(prefix)).count(), "every fixture item, open or closed");
        assertInQueueOrder(references(walked));
    }

    @Test
    void combinesOpenAndClosedWithAFilterAcrossPages() {
        List<Map<String, Object>> walked = walk(Map.of("status", "all", "risk", "HIGH"));

        assertEquals(stored("i.risk_level = 'HIGH'").stream().map(Stored::reference).toList(), references(walked));
        assertTrue(walked.stream().anyMatch(item -> "CLOSED".equals(item.get("status"))), "closed items among them");
    }

    @Test
    void combinesFiltersAcrossPages() {
        List<Map<String, Object>> walked = walk(Map.of("risk", "MEDIUM", "assigned", "unassigned"));

        assertEquals(stored("i.status <> 'CLOSED' AND i.risk_level = 'MEDIUM' AND i.assigned_to IS NULL").stream()
                .map(Stored::reference).toList(), references(walked));
    }

    @Test
    void countsTheQueueOnEveryPage() {
        Response first = as("caseworker").when().get("/api/v1/queues/{code}/items", QUEUE);

        first.then().statusCode(200)
                .body("queue.code", equalTo(QUEUE))
                .body("queue.open", equalTo(count("i.status <> 'CLOSED'")))
                .body("queue.unassigned", equalTo(count("i.status <> 'CLOSED' AND i.assigned_to IS NULL")))
                .body("items.size()", equalTo(PAGE_SIZE));
    }

    /**
     * Cursors the service never made: not Base64, Base64 of words, too few parts, a non-number,
     * seconds too large for an instant (alone and with the nanoseconds added), parts of the wrong kind.
     */
    static Stream<Arguments> cursorsItDidNotMake() {
        Stream<String> raw = Stream.of("not a cursor", "***");
        Stream<String> encoded = Stream.of("not-a-cursor", "1", "2:1:0", "2:abc:0:1", "2:99999999999999999:0:1",
                "2:9223372036854775807:1000000000:1", "x:y:z:w:v")
                .map(text -> Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        return Stream.concat(raw.map(c -> Arguments.of(c, c)),
                encoded.map(c -> Arguments.of(new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8), c)));
    }

    @ParameterizedTest(name = "cursor of \"{0}\"")
    @MethodSource("cursorsItDidNotMake")
    void refusesACursorItDidNotMake(String meaning, String cursor) {
        as("caseworker").queryParam("cursor", cursor)
                .when().get("/api/v1/queues/{code}/items", QUEUE)
                .then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("status", equalTo(400))
                .body("errors.field", contains("cursor"))
                .body("errors[0].message", equalTo("The page link is not valid: start from the first page"));
    }

    // ---------------------------------------------------------------- helpers

    /** Follows nextCursor from the first page to the last, asserting the page size on the way. */
    private List<Map<String, Object>> walk(Map<String, String> filters) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>(filters);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Response page = as("caseworker").queryParams(query).when().get("/api/v1/queues/{code}/items", QUEUE);
            assertEquals(200, page.statusCode(), page.asString());
            List<Map<String, Object>> pageItems = page.jsonPath().getList("items");
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertEquals(PAGE_SIZE, pageItems.size(), "a page before the last is full");
            } else {
                assertTrue(pageItems.size() <= PAGE_SIZE);
            }
            items.addAll(pageItems);
            assertTrue(++pages <= ITEMS / PAGE_SIZE + 10, "the walk ends");
        } while (cursor != null);
        return items;
    }

    private static List<String> references(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("reference")).toList();
    }

    /** Each item comes after the one before it: higher risk first, then older, then saved earlier. */
    private void assertInQueueOrder(List<String> references) {
        Map<String, Stored> stored = stored("TRUE").stream().collect(Collectors.toMap(Stored::reference, s -> s));
        for (int i = 1; i < references.size(); i++) {
            Stored before = stored.get(references.get(i - 1));
            Stored after = stored.get(references.get(i));
            assertNotNull(before);
            assertNotNull(after);
            boolean ordered = before.rank() > after.rank()
                    || before.rank() == after.rank() && (before.created().isBefore(after.created())
                            || before.created().equals(after.created()) && before.id() < after.id());
            assertTrue(ordered, before + " then " + after);
        }
        assertFalse(references.isEmpty());
    }

    /** The queue's items matching {@code condition}, in the order the queue should show them. */
    private List<Stored> stored(String condition) {
        String sql = "SELECT r.reference, i.risk_rank, i.created_at, i.id, i.risk_level, i.status, i.assigned_to FROM queue_item i "
                + "JOIN report r ON r.id = i.report_id JOIN triage_queue q ON q.id = i.queue_id "
                + "WHERE q.code = ? AND " + condition + " ORDER BY i.risk_rank DESC, i.created_at, i.id";
        List<Stored> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, QUEUE);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Stored(row.getString(1), row.getInt(2), row.getObject(3, LocalDateTime.class), row.getLong(4),
                            row.getString(5), row.getString(6), row.getObject(7) != null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private int count(String condition) {
        return stored(condition).size();
    }

    private static long single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getLong(1);
            }
        }
    }
}
