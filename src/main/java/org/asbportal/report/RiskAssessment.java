package org.asbportal.report;

import java.util.List;

/** The outcome of risk screening: the level, the score and the answers that scored. */
public record RiskAssessment(RiskLevel level, int score, List<String> reasons) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }
}
