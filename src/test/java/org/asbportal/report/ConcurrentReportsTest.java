package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many residents reporting the same thing at the same place at the same moment, as happens when a
 * street sees something loud: every one of them is saved, acknowledged with its own reference, and
 * linked to the others as a possible duplicate, exactly as if they had come one after another.
 */
@QuarkusTest
class ConcurrentReportsTest {

    private static final int CLIENTS = 16;
    /** Sixteen access codes hashed at once on a small shared machine can take longer than the usual timeout. */
    private static final RestAssuredConfig PATIENT = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 120_000));

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void database() {
        db = new ReportRows(dataSource);
    }

    @Test
    void sixteenResidentsReportingOnePlaceAtOnceAreAllSavedAndLinked() throws Exception {
        LocalDate day = ReportRequests.uniqueDate();
        // A point of its own in Bedford, so that no other test's report is within 150 m of it.
        double latitude = 52.10 + ThreadLocalRandom.current().nextInt(1, 900) * 0.0001;
        double longitude = -0.52 + ThreadLocalRandom.current().nextInt(1, 900) * 0.0001;
        // One report elsewhere first, so the burst does not also time the portal's first report ever
        // (ward boundaries loaded, code compiled).
        given().contentType(ContentType.JSON).body(ReportRequests.valid().json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports").then().statusCode(201);
        List<Callable<Response>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Body body = ReportRequests.valid().with("categoryCode", "FIREWORKS").with("occurredAt", day.toString())
                    .with("location.latitude", latitude).with("location.longitude", longitude);
            clients.add(() -> given().config(PATIENT).contentType(ContentType.JSON).body(body.json().getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/reports"));
        }

        Burst<Response> burst = Burst.of(clients);

        List<String> references = new ArrayList<>();
        for (Response response : burst.answers()) {
            assertEquals(201, response.statusCode(), response.asString());
            references.add(response.path("reference"));
        }
        System.out.printf("%d concurrent reports about one place: %.1f reports/s (%d ms for the burst)%n",
                CLIENTS, CLIENTS * 1000.0 / burst.millis(), burst.millis());
        assertLinkedAsPossibleDuplicates(references);
    }

    @Test
    void residentsSendingTheReportFormAboutOnePlaceAtOnceAreAllSavedAndLinked() throws Exception {
        int residents = 8;
        String place = "Bus shelter on the Embankment, " + ReportRequests.unique();
        LocalDate day = ReportRequests.uniqueDate();
        List<ReportFormSession> sessions = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            var steps = ReportFormSession.validAnswers();
            steps.get("where").put("locationDescription", List.of(place));
            steps.get("where").put("wardCode", List.of(ReportApiTest.CASTLE));
            steps.get("when").put("day", List.of(String.valueOf(day.getDayOfMonth())));
            steps.get("when").put("month", List.of(String.valueOf(day.getMonthValue())));
            steps.get("when").put("year", List.of(String.valueOf(day.getYear())));
            ReportFormSession session = ReportFormSession.start();
            session.walkToCheck(steps);
            sessions.add(session);
        }

        Burst<Response> burst = Burst.of(sessions.stream().<Callable<Response>>map(session -> () -> session.press("send"))
                .toList());

        List<String> references = new ArrayList<>();
        for (Response confirmation : burst.answers()) {
            assertEquals(200, confirmation.statusCode(), confirmation.asString());
            references.add(ReportFormSession.referenceOn(confirmation));
        }
        assertLinkedAsPossibleDuplicates(references);
    }

    /**
     * Every reference is a distinct committed report with its queue item, flagged as a possible
     * duplicate, and every two of them are linked once, the later to the earlier, with the history
     * entry saying so: what sending them one after another gives.
     */
    private void assertLinkedAsPossibleDuplicates(List<String> references) {
        assertEquals(references.size(), new HashSet<>(references).size(), "distinct references: " + references);
        Map<Long, String> byId = references.stream()
                .collect(Collectors.toMap(reference -> db.report(reference).number("id"), reference -> reference));
        for (String reference : references) {
            Row report = db.report(reference);
            assertTrue(report.bool("possible_duplicate"), reference + " is flagged as a possible duplicate");
            assertEquals(1, db.queueItems(reference).size(), reference + " has its queue item");
        }
        Set<Set<Long>> pairs = new HashSet<>();
        int links = 0;
        for (String reference : references) {
            for (Row link : db.linksFrom(reference)) {
                long from = link.number("report_id");
                long to = link.number("linked_report_id");
                assertTrue(byId.containsKey(to), "linked to one of the burst: " + link);
                assertTrue(to < from, "the later report is linked to the earlier: " + link);
                pairs.add(Set.of(from, to));
                links++;
            }
        }
        int n = references.size();
        assertEquals(n * (n - 1) / 2, pairs.size(), "every two reports are linked");
        assertEquals(pairs.size(), links, "no two reports are linked twice");
        long entries = references.stream()
                .mapToLong(reference -> db.eventKinds(reference).stream().filter("POSSIBLE_DUPLICATE"::equals).count())
                .sum();
        assertEquals(links, entries, "one history entry for each link");
    }

    /** Tasks started together behind a gate, their answers in order, and how long the burst took. */
    record Burst<T>(List<T> answers, long millis) {

        static <T> Burst<T> of(List<Callable<T>> tasks) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
            try {
                CountDownLatch ready = new CountDownLatch(tasks.size());
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<T>> futures = new ArrayList<>();
                for (Callable<T> task : tasks) {
                    futures.add(pool.submit(() -> {
                        ready.countDown();
                        gate.await();
                        return task.call();
                    }));
                }
                assertTrue(ready.await(30, TimeUnit.SECONDS), "every client is ready");
                long start = System.nanoTime();
                gate.countDown();
                List<T> answers = new ArrayList<>();
                for (Future<T> future : futures) {
                    answers.add(future.get(120, TimeUnit.SECONDS));
                }
                return new Burst<>(answers, Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
