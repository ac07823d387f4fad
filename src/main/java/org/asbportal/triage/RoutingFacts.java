package org.asbportal.triage;

import org.asbportal.report.RiskLevel;

/** What routing rules look at in a report. */
public record RoutingFacts(
        String categoryCode,
        RiskLevel riskLevel,
        boolean hateMotivated,
        boolean youngPeople,
        boolean vulnerableVictim,
        boolean unverified,
        String wardCode) {
}
