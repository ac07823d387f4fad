package org.asbportal.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person who works on their organisation's assessments, signing in with emailed links. */
@Entity
@Table(name = "pledge_contact")
public class PledgeContact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "organisation_id")
    public PledgeOrganisation organisation;

    public String name;

    /** Trimmed and in lower case. */
    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the contact first followed a link sent to their address. */
    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** When the contact last signed in with a link. */
    @Column(name = "signed_in_at")
    public Instant signedInAt;

    public static Optional<PledgeContact> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    public static List<PledgeContact> ofOrganisation(Long organisationId) {
        return list("organisation.id = ?1 order by id", organisationId);
    }
}
