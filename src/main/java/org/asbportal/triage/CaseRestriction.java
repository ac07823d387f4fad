package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.asbportal.security.StaffAccount;

/**
 * A case locked down to named agencies: while it exists, only officers of {@link #organisationIds}
 * see the case's details (see {@link CaseAccess}). Lifting deletes it; the audit trail and the case's
 * internal history keep the record.
 */
@Entity
@Table(name = "case_restriction")
public class CaseRestriction extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public Long reportId;

    public String reason;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "restricted_by_id")
    public StaffAccount restrictedBy;

    @Column(name = "restricted_at")
    public Instant restrictedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_restriction_agency", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "organisation_id")
    public Set<Long> organisationIds = new HashSet<>();

    @Version
    public int version;

    public static Optional<CaseRestriction> forReport(Long reportId) {
        return findByIdOptional(reportId);
    }
}
