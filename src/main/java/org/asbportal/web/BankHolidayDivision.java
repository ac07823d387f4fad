package org.asbportal.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three parts of the United Kingdom GOV.UK publishes bank holidays for. The partnership's
 * division ({@code asb.calendar.division}) decides which set is not working days.
 */
public enum BankHolidayDivision {

    ENGLAND_AND_WALES("england-and-wales", "England and Wales"),
    SCOTLAND("scotland", "Scotland"),
    NORTHERN_IRELAND("northern-ireland", "Northern Ireland");

    private final String code;
    private final String label;

    BankHolidayDivision(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The division's name in GOV.UK's bank-holidays.json and in the database, such as {@code england-and-wales}. */
    public String code() {
        return code;
    }

    /** The division as people read it, such as "England and Wales". */
    public String label() {
        return label;
    }

    /** The division with this code, if there is one. */
    public static Optional<BankHolidayDivision> ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
