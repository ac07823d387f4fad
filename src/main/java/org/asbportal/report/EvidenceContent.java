package org.asbportal.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an {@link Evidence} file kept in the database ({@link DatabaseEvidenceStore}). */
@Entity
@Table(name = "report_evidence_content")
public class EvidenceContent extends PanacheEntityBase {

    @Id
    @Column(name = "evidence_id")
    public Long evidenceId;

    public byte[] content;
}
