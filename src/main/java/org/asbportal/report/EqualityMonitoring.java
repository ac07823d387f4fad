package org.asbportal.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.asbportal.report.ReportSubmission.AgeBand;
import org.asbportal.report.ReportSubmission.Disability;
import org.asbportal.report.ReportSubmission.Ethnicity;
import org.asbportal.report.ReportSubmission.Sex;

/**
 * Optional equality monitoring answers, kept apart from the report so that they are read only for
 * monitoring, never alongside the case.
 */
@Entity
@Table(name = "equality_monitoring")
public class EqualityMonitoring extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public Long reportId;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Enumerated(EnumType.STRING)
    public Ethnicity ethnicity;

    @Enumerated(EnumType.STRING)
    public Disability disability;
}
