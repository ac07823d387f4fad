package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.asbportal.report.RiskLevel;

/** Working-day arithmetic for the partnership's service levels. */
@ApplicationScoped
public class ServiceLevels {

    private final ServiceLevelConfig config;
    private final Set<LocalDate> bankHolidays;

    public ServiceLevels(ServiceLevelConfig config) {
        this.config = config;
        this.bankHolidays = Set.copyOf(config.bankHolidays().orElse(List.of()));
    }

    /** The date by which a report received at {@code receivedAt} should have had first contact. */
    public LocalDate firstContactDueBy(RiskLevel level, Instant receivedAt) {
        int days = switch (level) {
            case HIGH -> config.firstContact().high();
            case MEDIUM -> config.firstContact().medium();
            case STANDARD -> config.firstContact().standard();
        };
        return addWorkingDays(receivedAt.atZone(config.zone()).toLocalDate(), days);
    }

    /** The working day {@code days} working days after {@code start}. */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                added++;
            }
        }
        return date;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /** The partnership's time zone. */
    public ZoneId zone() {
        return config.zone();
    }

    /** Today in the partnership's time zone. */
    public LocalDate today() {
        return LocalDate.now(config.zone());
    }
}
