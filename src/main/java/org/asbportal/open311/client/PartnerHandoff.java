package org.asbportal.open311.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

import org.asbportal.report.Report;

/** One case handed out to one partner's Open311 server: saved first, then sent by the job. */
@Entity
@Table(name = "partner_handoff")
public class PartnerHandoff extends PanacheEntityBase {

    /** Waiting to be sent (again), sent, or not to be sent because the resident did not consent. */
    public enum Status { PENDING, SENT, SKIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "endpoint_id")
    public PartnerEndpoint endpoint;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Why the last attempt failed, for staff; never personal data. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "partner_request_id")
    public String partnerRequestId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The partner's updates are read from here on. */
    @Column(name = "polled_until")
    public Instant polledUntil;

    @Version
    public int version;
}
