package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.asbportal.trigger.TriggerApiTest.submit;
import static org.asbportal.trigger.TriggerRequests.citing;
import static org.asbportal.trigger.TriggerRequests.portalReport;
import static org.asbportal.trigger.TriggerRequests.valid;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partnership that sets the hate threshold to 1: its applications and its explanation page follow. */
@QuarkusTest
@TestProfile(TriggerHateThresholdTest.Profile.class)
class TriggerHateThresholdTest {

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asb.trigger.hate-threshold", "1");
        }
    }

    @Test
    void oneQualifyingComplaintOfHateMotivatedBehaviourMeetsTheThreshold() {
        submit(citing(valid(), List.of(portalReport(4)), List.of()).with("hateMotivated", true))
                .then().statusCode(201)
                .body("threshold", equalTo(1))
                .body("qualifyingComplaints", equalTo(1))
                .body("thresholdMet", equalTo(true));
    }

    @Test
    void otherBehaviourStillNeedsThreeComplaints() {
        submit(citing(valid(), List.of(portalReport(4)), List.of()).with("hateMotivated", false))
                .then().statusCode(201)
                .body("threshold", equalTo(3))
                .body("thresholdMet", equalTo(false));
    }

    @Test
    void theExplanationPageSaysOneComplaintIsEnoughForHateMotivatedBehaviour() {
        given().when().get("/community-trigger").then().statusCode(200)
                .body(containsString("because of who you are, such as your disability, race, religion, sexuality or "
                        + "gender identity, 1 complaint is enough."));
    }
}
