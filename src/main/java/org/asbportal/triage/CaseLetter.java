package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

import org.asbportal.report.Report;

/** A letter as sent on a case: the final text exactly as saved, and the template version it came from. Append-only. */
@Entity
@Table(name = "case_letter")
public class CaseLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id", updatable = false)
    public Report report;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "template_id", updatable = false)
    public LetterTemplate template;

    @Column(name = "template_version", updatable = false)
    public int templateVersion;

    @Column(updatable = false)
    public String body;

    @Column(name = "sent_by", updatable = false)
    public String sentBy;

    @Column(name = "sent_at", updatable = false)
    public Instant sentAt;

    public static List<CaseLetter> findFor(Report report) {
        return list("report = ?1 order by sentAt desc, id desc", report);
    }
}
