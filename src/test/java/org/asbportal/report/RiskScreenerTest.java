package org.asbportal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.RiskAnswers;
import org.asbportal.report.ReportSubmission.YesNoNotSure;
import org.junit.jupiter.api.Test;

class RiskScreenerTest {

    private static RiskScreener screener(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RiskConfig.class)
                .withDefaultValues(properties)
                .build();
        return new RiskScreener(config.getConfigMapping(RiskConfig.class));
    }

    private static RiskAnswers answers(YesNoNotSure before, boolean targeted, Impact impact, boolean unsafe, boolean vulnerable) {
        return new RiskAnswers(before, targeted, List.of(), impact, unsafe, vulnerable, YesNoNotSure.NO);
    }

    @Test
    void reportWithNothingThatScoresIsStandardWithNoReasons() {
        RiskAssessment risk = screener(Map.of()).screen(answers(YesNoNotSure.NO, false, Impact.NONE, false, false), false);

        assertThat(risk.level()).isEqualTo(RiskLevel.STANDARD);
        assertThat(risk.score()).isZero();
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    void repeatWithSomeImpactReachesMediumAndSaysWhy() {
        RiskAssessment risk = screener(Map.of()).screen(answers(YesNoNotSure.YES, false, Impact.SOME, false, false), false);

        assertThat(risk.score()).isEqualTo(3);
        assertThat(risk.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(risk.reasons()).containsExactly("It has happened before (+2)", "Some effect on health, sleep, family or work (+1)");
    }

    @Test
    void feelingUnsafeAtHomeWhenTargetedForWhoYouAreIsHighRisk() {
        RiskAssessment risk = screener(Map.of()).screen(answers(YesNoNotSure.NOT_SURE, true, Impact.NONE, true, false), false);

        assertThat(risk.score()).isEqualTo(7);
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(risk.reasons()).contains("Aimed at the victim because of who they are (+3)", "Feels unsafe at home (+4)");
    }

    @Test
    void scoreExactlyOnTheHighThresholdIsHigh() {
        // 3 (severe) + 3 (vulnerable people) = 6 = default high threshold
        RiskAssessment risk = screener(Map.of()).screen(answers(YesNoNotSure.NO, false, Impact.SEVERE, false, true), false);

        assertThat(risk.score()).isEqualTo(6);
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void stillHappeningAddsItsWeight() {
        RiskAssessment risk = screener(Map.of()).screen(answers(YesNoNotSure.YES, false, Impact.NONE, false, false), true);

        assertThat(risk.score()).isEqualTo(3);
        assertThat(risk.reasons()).contains("Still happening (+1)");
    }

    @Test
    void partnershipCanChangeWeightsAndThresholds() {
        RiskScreener strict = screener(Map.of(
                "asb.risk.medium-threshold", "1",
                "asb.risk.high-threshold", "2",
                "asb.risk.weights.happened-before", "2",
                "asb.risk.weights.still-happening", "0"));

        RiskAssessment risk = strict.screen(answers(YesNoNotSure.YES, false, Impact.NONE, false, false), true);

        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(risk.reasons()).containsExactly("It has happened before (+2)");
    }
}
