package org.asbportal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** A partner agency whose staff use the portal. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    /** Whether every account of the organisation must sign in with two-factor, as its administrators decided. */
    @jakarta.persistence.Column(name = "require_two_factor")
    public boolean requireTwoFactor;

    public static Optional<Organisation> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
