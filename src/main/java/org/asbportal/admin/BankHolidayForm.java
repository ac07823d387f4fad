package org.asbportal.admin;

import org.jboss.resteasy.reactive.RestForm;

/** The form adding one bank holiday: the division, the day (three boxes) and its name. */
public class BankHolidayForm {

    @RestForm
    public String division;

    @RestForm("date-day")
    public String day;

    @RestForm("date-month")
    public String month;

    @RestForm("date-year")
    public String year;

    @RestForm
    public String title;

    /** An empty form for the division (the partnership's own unless another is chosen). */
    static BankHolidayForm forDivision(String division) {
        BankHolidayForm form = new BankHolidayForm();
        form.division = division;
        return form;
    }
}
