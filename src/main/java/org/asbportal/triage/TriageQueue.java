package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

import org.asbportal.security.Organisation;

/** A triage queue that partner agency staff work. Every report lands in exactly one. */
@Entity
@Table(name = "triage_queue")
public class TriageQueue extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    public String description;

    /** The partner agency whose staff work the queue. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    public static Optional<TriageQueue> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
