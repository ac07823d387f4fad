package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.asbportal.security.ClientLimitsProfile;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One client may send only so many reports in a while, over the API and the form alike (3 in 10 minutes here). */
@QuarkusTest
@TestProfile(ClientLimitsProfile.class)
class ReportLimitTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void client() {
        clock.fixAt(TestDates.NOW);
        ClientLimitsProfile.actAs(ClientLimitsProfile.newClient());
    }

    @AfterEach
    void direct() {
        ClientLimitsProfile.reset();
        clock.useSystemTime();
    }

    private static Response postReport() {
        return given().contentType(ContentType.JSON).body(ReportRequests.valid().json()).when().post("/api/v1/reports");
    }

    @Test
    void pastTheLimitTheApiAnswers429WithRetryAfterAsProblemJson() {
        for (int i = 0; i < ClientLimitsProfile.REPORTS; i++) {
            postReport().then().statusCode(201);
        }
        postReport().then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "600")
                .body("status", equalTo(429))
                .body("detail", containsString("Wait 10 minutes"));

        clock.fixAt(TestDates.NOW.plus(Duration.ofMinutes(10)).plusSeconds(1));
        postReport().then().statusCode(201);
    }

    @Test
    void aBurstOfConcurrentReportsFromOneClientSavesNoMoreThanTheLimit() throws Exception {
        int burst = 12;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                String body = ReportRequests.valid().json();
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports").statusCode();
                }));
            }
            go.countDown();
            int saved = 0;
            int refused = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                saved += status == 201 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertEquals(ClientLimitsProfile.REPORTS, saved);
            assertEquals(burst - ClientLimitsProfile.REPORTS, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFormPastTheLimitSaysWhenItCanBeSentAndKeepsTheAnswersToSendThen() {
        for (int i = 0; i < ClientLimitsProfile.REPORTS; i++) {
            postReport().then().statusCode(201);
        }
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        Response refused = session.press("send");
        refused.then().statusCode(429)
                .header("Retry-After", "600")
                .body(containsString("Your answers are saved: you can send it in 10 minutes"))
                .body(containsString(description));
        assertEquals("check", session.step());

        clock.fixAt(TestDates.NOW.plus(Duration.ofMinutes(11)));
        Response check = session.get("/report/check");
        check.then().statusCode(200).body(containsString(description));
        Response confirmation = session.press("send");
        confirmation.then().statusCode(200);
        assertEquals("confirmation", session.step());
        given().header("X-Access-Code", ReportFormSession.accessCodeOn(confirmation))
                .when().get("/api/v1/reports/" + ReportFormSession.referenceOn(confirmation))
                .then().statusCode(200);
    }
}
