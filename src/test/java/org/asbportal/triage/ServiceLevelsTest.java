package org.asbportal.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.asbportal.report.RiskLevel;
import org.asbportal.web.Calendars;
import org.junit.jupiter.api.Test;

class ServiceLevelsTest {

    private static ServiceLevels serviceLevels(Map<String, String> properties) {
        return new ServiceLevels(new SmallRyeConfigBuilder()
                .withMapping(ServiceLevelConfig.class)
                .withDefaultValues(properties)
                .build()
                .getConfigMapping(ServiceLevelConfig.class), Calendars.calendar(properties));
    }

    @Test
    void highRiskReportOnFridayIsDueOnMonday() {
        // Friday 20 November 2026, 10:00 in London
        LocalDate due = serviceLevels(Map.of()).firstContactDueBy(RiskLevel.HIGH, Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void standardRiskTakesFiveWorkingDays() {
        LocalDate due = serviceLevels(Map.of()).firstContactDueBy(RiskLevel.STANDARD, Instant.parse("2026-11-23T09:00:00Z"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void bankHolidaysAreNotWorkingDays() {
        ServiceLevels levels = serviceLevels(Map.of("asb.calendar.bank-holidays", "2026-12-25,2026-12-28"));

        // Thursday 24 December + 2 working days skips Christmas Day, the weekend and the substitute day
        LocalDate due = levels.firstContactDueBy(RiskLevel.MEDIUM, Instant.parse("2026-12-24T12:00:00Z"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void dayIsCountedInThePartnershipsTimeZone() {
        // 23:30 UTC on Sunday 31 May 2026 is already Monday 1 June in London (BST)
        LocalDate due = serviceLevels(Map.of()).firstContactDueBy(RiskLevel.HIGH, Instant.parse("2026-05-31T23:30:00Z"));

        assertThat(due).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    void partnershipCanChangeTheTimescales() {
        ServiceLevels levels = serviceLevels(Map.of("asb.service-levels.first-contact.standard", "10"));

        assertThat(levels.firstContactDueBy(RiskLevel.STANDARD, Instant.parse("2026-11-23T09:00:00Z")))
                .isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
