package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.RiskAnswers;
import org.asbportal.report.ReportSubmission.YesNoNotSure;

/** Screens a report for the victim's risk of harm with the partnership's weights, and says why. */
@ApplicationScoped
public class RiskScreener {

    private final RiskConfig config;

    public RiskScreener(RiskConfig config) {
        this.config = config;
    }

    public RiskAssessment screen(RiskAnswers answers, boolean stillHappening) {
        RiskConfig.Weights weights = config.weights();
        List<String> reasons = new ArrayList<>();
        int score = 0;
        if (answers.happenedBefore() == YesNoNotSure.YES) {
            score += scored(reasons, weights.happenedBefore(), "It has happened before");
        }
        if (Boolean.TRUE.equals(answers.targetedForIdentity())) {
            score += scored(reasons, weights.targetedForIdentity(), "Aimed at the victim because of who they are");
        }
        if (answers.impact() == Impact.SEVERE) {
            score += scored(reasons, weights.severeImpact(), "Serious effect on health, sleep, family or work");
        } else if (answers.impact() == Impact.SOME) {
            score += scored(reasons, weights.someImpact(), "Some effect on health, sleep, family or work");
        }
        if (Boolean.TRUE.equals(answers.feelsUnsafeAtHome())) {
            score += scored(reasons, weights.feelsUnsafeAtHome(), "Feels unsafe at home");
        }
        if (Boolean.TRUE.equals(answers.vulnerablePeopleAffected())) {
            score += scored(reasons, weights.vulnerablePeopleAffected(), "Children or a vulnerable adult affected");
        }
        if (stillHappening) {
            score += scored(reasons, weights.stillHappening(), "Still happening");
        }
        return new RiskAssessment(levelFor(score), score, reasons);
    }

    private RiskLevel levelFor(int score) {
        if (score >= config.highThreshold()) {
            return RiskLevel.HIGH;
        }
        return score >= config.mediumThreshold() ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
    }

    private static int scored(List<String> reasons, int weight, String reason) {
        if (weight != 0) {
            reasons.add(reason + " (+" + weight + ")");
        }
        return weight;
    }
}
