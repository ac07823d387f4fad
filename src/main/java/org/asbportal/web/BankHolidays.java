package org.asbportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The bank holidays of each division, held in memory ({@link ReferenceData}, kind
 * {@value #BANK_HOLIDAYS}) until an administrator changes them, so counting working days never
 * reads the database.
 */
@ApplicationScoped
public class BankHolidays {

    /** The kind of reference data bank holidays are: whoever changes them calls {@link ReferenceData#changed}. */
    public static final String BANK_HOLIDAYS = "bank-holidays";

    private final ReferenceData.Held<Map<BankHolidayDivision, Set<LocalDate>>> held;

    public BankHolidays(ReferenceData reference) {
        this.held = reference.hold(BankHolidays::load, BANK_HOLIDAYS);
    }

    private static Map<BankHolidayDivision, Set<LocalDate>> load() {
        Map<BankHolidayDivision, Set<LocalDate>> dates = new EnumMap<>(BankHolidayDivision.class);
        for (BankHolidayDivision division : BankHolidayDivision.values()) {
            dates.put(division, new HashSet<>());
        }
        for (BankHoliday holiday : BankHoliday.listAll()) {
            BankHolidayDivision.ofCode(holiday.division).ifPresent(d -> dates.get(d).add(holiday.date));
        }
        dates.replaceAll((division, days) -> Set.copyOf(days));
        return Map.copyOf(dates);
    }

    /** The division's bank holidays. */
    public Set<LocalDate> of(BankHolidayDivision division) {
        return held.get().get(division);
    }
}
