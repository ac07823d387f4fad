package org.asbportal.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A search for everything held about a person: the kind of term and its SHA-256 (never the term), and
 * the records found, by id, which the copy and an erasure then work on.
 */
@Entity
@Table(name = "subject_access_request")
public class SubjectAccessRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "term_kind")
    public String termKind;

    @Column(name = "term_hash")
    public String termHash;

    @Column(name = "report_ids")
    public String reportIds;

    @Column(name = "application_ids")
    public String applicationIds;

    @Column(name = "contact_ids")
    public String contactIds;

    @Column(name = "message_ids")
    public String messageIds;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    @Column(name = "erasure_reason")
    public String erasureReason;

    static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> split(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    /** The record ids as the audit log records them. */
    String found() {
        return "reports [" + reportIds + "] applications [" + applicationIds + "] pledge contacts [" + contactIds
                + "] emails [" + messageIds + "]";
    }
}
