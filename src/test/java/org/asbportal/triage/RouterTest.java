package org.asbportal.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.asbportal.web.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.asbportal.report.RiskLevel;

@QuarkusTest
class RouterTest {

    @Inject
    Router router;

    @Inject
    ReferenceData reference;

    /** Rules changed here are rolled back: routing must not keep them in memory. */
    @AfterEach
    void forgetRules() {
        reference.forget(Router.ROUTING);
    }

    private static RoutingFacts facts(String category) {
        return new RoutingFacts(category, RiskLevel.STANDARD, false, false, false, false, null);
    }

    private String queueFor(RoutingFacts facts) {
        return router.route(facts).queue().code();
    }

    @Test
    @TestTransaction
    void categoriesGoToTheAgencyBestPlacedToAct() {
        assertThat(queueFor(facts("NOISE"))).isEqualTo("ENVIRONMENTAL_HEALTH");
        assertThat(queueFor(facts("DRUGS"))).isEqualTo("POLICE_NEIGHBOURHOOD");
        assertThat(queueFor(facts("NEIGHBOUR"))).isEqualTo("HOUSING_PROVIDERS");
        assertThat(queueFor(facts("FLY_TIPPING"))).isEqualTo("COUNCIL_ASB");
        assertThat(queueFor(facts("HATE"))).isEqualTo("HATE_INCIDENTS");
    }

    @Test
    @TestTransaction
    void highRiskGoesToTheVulnerabilityHubWhateverTheCategory() {
        RoutingFacts facts = new RoutingFacts("NOISE", RiskLevel.HIGH, false, false, false, false, null);

        RoutingDecision decision = router.route(facts);

        assertThat(decision.queue().code()).isEqualTo("VULNERABILITY_HUB");
        assertThat(decision.rule().priority()).isEqualTo(20);
    }

    @Test
    @TestTransaction
    void vulnerableVictimGoesToTheHubEvenAtStandardRisk() {
        assertThat(queueFor(new RoutingFacts("ROWDY", RiskLevel.STANDARD, false, false, true, false, null)))
                .isEqualTo("VULNERABILITY_HUB");
    }

    @Test
    @TestTransaction
    void hateMotivatedBehaviourOfAnyCategoryGoesToHateIncidents() {
        assertThat(queueFor(new RoutingFacts("GRAFFITI_DAMAGE", RiskLevel.MEDIUM, true, false, false, false, null)))
                .isEqualTo("HATE_INCIDENTS");
    }

    @Test
    @TestTransaction
    void youngPeopleInvolvedGoToYouthOutreach() {
        assertThat(queueFor(new RoutingFacts("ROWDY", RiskLevel.STANDARD, false, true, false, false, null)))
                .isEqualTo("YOUTH_OUTREACH");
    }

    @Test
    @TestTransaction
    void unverifiedSubmissionsAreCheckedByAPersonBeforeAnythingElse() {
        assertThat(queueFor(new RoutingFacts("NOISE", RiskLevel.HIGH, true, true, true, true, null)))
                .isEqualTo("MANUAL_CHECK");
    }

    @Test
    @TestTransaction
    void staffCanAddAWardRuleAheadOfTheCategoryRules() {
        RoutingRule rule = new RoutingRule();
        rule.priority = 60;
        rule.description = "Castle ward noise goes to the council team";
        rule.categoryCode = "NOISE";
        rule.wardCode = "E36001578";
        rule.queue = TriageQueue.findByCode("COUNCIL_ASB").orElseThrow();
        rule.persist();
        reference.forget(Router.ROUTING);

        assertThat(queueFor(new RoutingFacts("NOISE", RiskLevel.STANDARD, false, false, false, false, "E36001578")))
                .isEqualTo("COUNCIL_ASB");
        assertThat(queueFor(new RoutingFacts("NOISE", RiskLevel.STANDARD, false, false, false, false, "E36001576")))
                .isEqualTo("ENVIRONMENTAL_HEALTH");
    }

    @Test
    @TestTransaction
    void catchAllTakesWhatNoOtherRuleCovers() {
        RoutingRule.delete("categoryCode", "BEGGING");
        reference.forget(Router.ROUTING);

        RoutingDecision decision = router.route(facts("BEGGING"));

        assertThat(decision.queue().code()).isEqualTo("MANUAL_CHECK");
        assertThat(decision.rule().priority()).isEqualTo(1000);
    }

    @Test
    @TestTransaction
    void withoutAnyMatchingRuleTheFallbackQueueIsUsed() {
        RoutingRule.deleteAll();
        reference.forget(Router.ROUTING);

        RoutingDecision decision = router.route(facts("NOISE"));

        assertThat(decision.queue().code()).isEqualTo("MANUAL_CHECK");
        assertThat(decision.rule()).isNull();
    }
}
