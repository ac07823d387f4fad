package org.asbportal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Staff tell the risk levels apart at a glance, by colour and always by word. */
class RiskLevelTest {

    @Test
    void eachLevelHasAColourOfItsOwn() {
        assertThat(RiskLevel.HIGH.tagClass()).isEqualTo("govuk-tag--red");
        assertThat(RiskLevel.MEDIUM.tagClass()).isEqualTo("govuk-tag--orange");
        assertThat(RiskLevel.STANDARD.tagClass()).isEqualTo("govuk-tag--grey");
        assertThat(Arrays.stream(RiskLevel.values()).map(RiskLevel::tagClass).distinct()).hasSize(RiskLevel.values().length);
        assertThat(Arrays.stream(RiskLevel.values()).map(RiskLevel::label)).doesNotContainNull();
    }
}
