package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.asbportal.report.ReportSubmission.AgeBand;
import org.asbportal.report.ReportSubmission.Disability;
import org.asbportal.report.ReportSubmission.Ethnicity;
import org.asbportal.report.ReportSubmission.Sex;

/**
 * A person reported as causing anti-social behaviour, linked to every case they are involved in.
 * Staff only: never shown to victims, never written to logs or audit details.
 */
@Entity
@Table(name = "perpetrator")
public class Perpetrator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String aliases;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String address;

    public String description;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Enumerated(EnumType.STRING)
    public Ethnicity ethnicity;

    @Enumerated(EnumType.STRING)
    public Disability disability;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public int version;

    /** The perpetrators linked to a report, by name. */
    public static List<Perpetrator> linkedTo(Long reportId) {
        return find("select p from Perpetrator p, CasePerpetrator l where l.perpetratorId = p.id and l.reportId = ?1 "
                + "order by p.name, p.id", reportId).list();
    }
}
