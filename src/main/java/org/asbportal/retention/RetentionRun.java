package org.asbportal.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One run of the retention job and what it changed, or would have changed in a dry run, kind by kind. */
@Entity
@Table(name = "retention_run")
public class RetentionRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Column(name = "started_by")
    public String startedBy;

    public int reports;

    @Column(name = "equality_answers")
    public int equalityAnswers;

    @Column(name = "evidence_files")
    public int evidenceFiles;

    @Column(name = "victim_additions")
    public int victimAdditions;

    @Column(name = "audit_entries")
    public int auditEntries;

    public int perpetrators;

    public int applications;

    @Column(name = "pledge_registrations")
    public int pledgeRegistrations;

    @Column(name = "pledge_contacts")
    public int pledgeContacts;

    /** The latest runs, newest first. */
    static List<RetentionRun> latest(int count) {
        return find("order by startedAt desc, id desc").page(0, count).list();
    }

    /** The counts as the audit log records them. */
    String counts() {
        return "reports=" + reports + " equality_answers=" + equalityAnswers + " evidence_files=" + evidenceFiles
                + " victim_additions=" + victimAdditions + " perpetrators=" + perpetrators + " applications=" + applications
                + " pledge_registrations=" + pledgeRegistrations + " pledge_contacts=" + pledgeContacts
                + " audit_entries=" + auditEntries;
    }
}
