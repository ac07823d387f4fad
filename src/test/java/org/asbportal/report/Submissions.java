package org.asbportal.report;

import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.Location;
import org.asbportal.report.ReportSubmission.Reporter;
import org.asbportal.report.ReportSubmission.ReporterRole;
import org.asbportal.report.ReportSubmission.RiskAnswers;
import org.asbportal.report.ReportSubmission.YesNoNotSure;

/** Builds valid report submissions for tests; each setter changes one answer. */
final class Submissions {

    private String category = "ROWDY";
    private String description = "Group shouting and throwing bottles";
    private LocalDate occurredOn = LocalDate.of(2024, 6, 1);
    private String place = "Outside the shops";
    private String wardCode;
    private Double latitude;
    private Double longitude;
    private RiskAnswers risk = new RiskAnswers(YesNoNotSure.NO, false, List.of(), Impact.NONE, false, false, YesNoNotSure.NO);
    private boolean stillHappening;

    static Submissions valid() {
        return new Submissions();
    }

    Submissions category(String code) {
        this.category = code;
        return this;
    }

    Submissions description(String text) {
        this.description = text;
        return this;
    }

    Submissions on(LocalDate date) {
        this.occurredOn = date;
        return this;
    }

    Submissions at(double lat, double lon) {
        this.latitude = lat;
        this.longitude = lon;
        return this;
    }

    Submissions place(String description, String ward) {
        this.place = description;
        this.wardCode = ward;
        return this;
    }

    Submissions risk(RiskAnswers answers) {
        this.risk = answers;
        return this;
    }

    Submissions stillHappening() {
        this.stillHappening = true;
        return this;
    }

    ReportSubmission build() {
        return new ReportSubmission(category, description, null, occurredOn, null, stillHappening, null,
                new Location(place, "Bedford", wardCode, latitude, longitude), true,
                new Reporter(null, null, null, null, ReporterRole.WITNESS), risk, true, null, null);
    }
}
