package org.asbportal.figures;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import org.asbportal.security.StaffApi;
import org.asbportal.ward.WardFixtures.TestWard;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.asbportal.ward.WardFixtures;
import org.asbportal.ward.WardLocator;

/** The partnership sets the threshold below which counts are withheld, and the populations rates use. */
@QuarkusTest
@TestProfile(WardSuppressionThresholdTest.Threshold3.class)
class WardSuppressionThresholdTest {

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

    public static class Threshold3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asb.wards.suppression-threshold", "3", "asb.wards.population.E36001578", "10000");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WardLocator locator;

    @Test
    void countsFromTheConfiguredThresholdAreShown() throws Exception {
        TestWard ward = WardFixtures.create(dataSource, locator);
        String current = TestDates.month().toString();
        String previous = TestDates.month().minusMonths(1).toString();
        WardFixtures.police(ward, current, 3, "On or near Three Street");
        WardFixtures.police(ward, previous, 2, "On or near Two Street");

        StaffApi.as("admin").get("/api/v1/wards/{code}/summary", ward.code()).then().statusCode(200)
                .body("threshold", equalTo(3))
                .body("byMonth[11].police", equalTo(3))
                .body("byMonth[10].police", nullValue())
                .body("byMonth[10].suppressed", equalTo(true))
                .body("perThousandResidents", nullValue());
    }

    @Test
    void ratesPerThousandResidentsUseTheConfiguredPopulation() {
        WardFixtures.police(new WardFixtures.TestWard("E36001578", "Castle", PoliceData.CASTLE), "2015-06", 25,
                "On or near Rate Street");

        StaffApi.as("admin").get("/api/v1/wards/E36001578/summary?from=2015-06&to=2015-06").then().statusCode(200)
                .body("bySource.police", equalTo(25))
                .body("perThousandResidents.population", equalTo(10000))
                .body("perThousandResidents.ward", equalTo(2.5f))
                .body("perThousandResidents.district", equalTo(2.5f));
    }
}
