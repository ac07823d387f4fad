package org.asbportal.retention;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;

/** A retention period that is not longer than nothing stops the portal at start-up, with the setting named. */
class RetentionPeriodTest {

    @Test
    void refusesAZeroOrNegativePeriod() {
        assertThatThrownBy(() -> RetentionService.checkPeriod("asb.retention.closed-reports-after", Period.ZERO))
                .hasMessageContaining("asb.retention.closed-reports-after");
        assertThatThrownBy(() -> RetentionService.checkPeriod("asb.retention.audit-entries-after", Period.ofMonths(-1)))
                .hasMessageContaining("P-1M");
        assertThatCode(() -> RetentionService.checkPeriod("asb.retention.closed-reports-after", Period.ofMonths(24)))
                .doesNotThrowAnyException();
    }
}
