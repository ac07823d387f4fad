package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;

import org.asbportal.report.RiskLevel;
import org.asbportal.web.Calendar;

/** The partnership's service levels: when first contact is due, in working days of its calendar. */
@ApplicationScoped
public class ServiceLevels {

    private final ServiceLevelConfig config;
    private final Calendar calendar;

    public ServiceLevels(ServiceLevelConfig config, Calendar calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    /** The date by which a report received at {@code receivedAt} should have had first contact. */
    public LocalDate firstContactDueBy(RiskLevel level, Instant receivedAt) {
        int days = switch (level) {
            case HIGH -> config.firstContact().high();
            case MEDIUM -> config.firstContact().medium();
            case STANDARD -> config.firstContact().standard();
        };
        return calendar.addWorkingDays(calendar.dayOf(receivedAt), days);
    }
}
