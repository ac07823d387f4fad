package org.asbportal.trigger;

import static org.asbportal.trigger.ThresholdRulesTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.Startup;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Period;
import java.util.Map;

import org.asbportal.web.Calendar;
import org.asbportal.web.Calendars;
import org.junit.jupiter.api.Test;

/** The portal refuses to start with Community Trigger settings the law does not allow. */
class TriggerConfigTest {

    static Calendar serviceLevels() {
        return Calendars.calendar(Map.of());
    }

    @Test
    void defaultsAreTheStatutoryOnes() {
        TriggerConfig config = config(Map.of());

        assertThat(config.threshold()).isEqualTo(3);
        assertThat(config.hateThreshold()).isEmpty();
        assertThat(config.complaintWithin()).isEqualTo(Period.ofMonths(1));
        assertThat(config.applicationWithin()).isEqualTo(Period.ofMonths(6));
        assertThat(config.countSameIncidentOnce()).isTrue();
        assertThat(config.deadlines().acknowledge()).isEqualTo(2);
        assertThat(config.deadlines().thresholdDecision()).isEqualTo(10);
        assertThat(config.deadlines().agencyInformation()).isEqualTo(10);
        assertThat(config.deadlines().reviewMeeting()).isEqualTo(20);
        assertThat(config.deadlines().outcome()).isEqualTo(5);
        assertThat(config.yearStartMonth()).isEqualTo(4);
        assertThatNoException().isThrownBy(() -> new ThresholdRules(config));
        assertThatNoException().isThrownBy(() -> new TriggerTimetable(config, serviceLevels()));
    }

    @Test
    void theCheckingBeansAreBuiltAtStartUpNotOnFirstUse() {
        assertThat(ThresholdRules.class).hasAnnotation(Startup.class);
        assertThat(TriggerTimetable.class).hasAnnotation(Startup.class);
    }

    @Test
    void aThresholdAboveThreeIsRefused() {
        assertThatThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.threshold", "4"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.threshold (ASB_TRIGGER_THRESHOLD) is 4")
                .hasMessageContaining("may lower it, never raise it");
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.threshold", "0"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.threshold (ASB_TRIGGER_THRESHOLD) is 0: it must be between 1 and 3");
    }

    @Test
    void aHateThresholdAboveThreeIsRefused() {
        assertThatThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.hate-threshold", "5"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.hate-threshold (ASB_TRIGGER_HATE_THRESHOLD) is 5");
    }

    @Test
    void aHateThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.hate-threshold", "0"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.hate-threshold (ASB_TRIGGER_HATE_THRESHOLD) is 0");
    }

    @Test
    void aLowerThresholdIsAccepted() {
        assertThatNoException().isThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.threshold", "1",
                "asb.trigger.hate-threshold", "1"))));
    }

    @Test
    void lessThanAMonthToComplainIsRefusedEvenWhenItIsThirtyDays() {
        // 30 days is a month in April but less than one in January
        assertThatThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.complaint-within", "P30D"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.complaint-within (ASB_TRIGGER_COMPLAINT_WITHIN) is P30D, "
                        + "shorter than the statutory 1 month");
    }

    @Test
    void lessThanSixMonthsToApplyIsRefused() {
        assertThatThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.application-within", "P5M"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.application-within (ASB_TRIGGER_APPLICATION_WITHIN) is P5M");
    }

    @Test
    void longerPeriodsAreAccepted() {
        assertThatNoException().isThrownBy(() -> new ThresholdRules(config(Map.of("asb.trigger.complaint-within", "P31D",
                "asb.trigger.application-within", "P1Y"))));
    }

    @Test
    void aStepWithNoWorkingDaysIsRefused() {
        assertThatThrownBy(() -> new TriggerTimetable(config(Map.of("asb.trigger.deadlines.review-meeting", "0")),
                serviceLevels()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.deadlines.review-meeting is 0");
    }

    @Test
    void aYearStartingInNoMonthIsRefused() {
        assertThatThrownBy(() -> new TriggerTimetable(config(Map.of("asb.trigger.year-start-month", "13")), serviceLevels()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asb.trigger.year-start-month (ASB_TRIGGER_YEAR_START_MONTH) is 13");
    }
}
