package org.asbportal.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A bank holiday of one division ({@link BankHolidayDivision}): not a working day for any deadline
 * when it is the partnership's division. Reference data administrators maintain; the calendar holds
 * it in memory ({@link BankHolidays}).
 */
@Entity
@Table(name = "bank_holiday")
public class BankHoliday extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The division's code, such as {@code england-and-wales}. */
    public String division;

    @Column(name = "holiday_date")
    public LocalDate date;

    /** Its name, as GOV.UK gives it: "Easter Monday". */
    public String title;

    /** GOV.UK's notes, such as "Substitute day"; null when none. */
    public String notes;

    /** The division's bank holidays in date order. */
    public static List<BankHoliday> listIn(BankHolidayDivision division) {
        return list("division = ?1 order by date", division.code());
    }

    /** Every division's bank holidays. */
    public static List<BankHoliday> listAll() {
        return list("order by division, date");
    }

    public static Optional<BankHoliday> findOn(BankHolidayDivision division, LocalDate date) {
        return find("division = ?1 and date = ?2", division.code(), date).firstResultOptional();
    }
}
