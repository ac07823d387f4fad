package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

import org.asbportal.security.ClientLimitsProfile;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One client may send only so many case review applications in an hour (2 here), over the API and the form. */
@QuarkusTest
@TestProfile(ClientLimitsProfile.class)
class TriggerLimitTest {

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

    private static Response apply() {
        return given().contentType(ContentType.JSON)
                .body(TriggerRequests.citing(TriggerRequests.valid(), List.of(), List.of(TriggerRequests.otherComplaint(
                        "Bedfordshire Police", TriggerRequests.today().minusDays(2), TriggerRequests.today().minusDays(3)))).json())
                .when().post(TriggerRequests.PATH);
    }

    @Test
    void pastTheLimitTheApiAnswers429WithRetryAfter() {
        for (int i = 0; i < ClientLimitsProfile.APPLICATIONS; i++) {
            apply().then().statusCode(201);
        }
        apply().then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "3600").body("status", equalTo(429));
    }

    @Test
    void theFormPastTheLimitKeepsTheAnswersOnCheckYourAnswers() {
        for (int i = 0; i < ClientLimitsProfile.APPLICATIONS; i++) {
            apply().then().statusCode(201);
        }
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        String description = steps.get("behaviour").get("description").get(0);
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        session.press("send").then().statusCode(429).header("Retry-After", "3600")
                .body(containsString("you can send it in 60 minutes"))
                .body(containsString(description));
        assertEquals("check", session.step());
    }
}
