package org.asbportal.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A member of staff of a partner agency. Passwords are bcrypt hashes; roles are comma separated.
 * Staff see the queues they are granted; councillors the wards they are granted.
 */
@Entity
@Table(name = "staff_account")
@UserDefinition
public class StaffAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String roles;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    public boolean active = true;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** Locks in a row since the last successful sign-in: each lasts twice as long as the one before. */
    public int lockouts;

    /** When the account was made, by the portal's clock: set by whoever makes it. */
    @Column(name = "created_at")
    public Instant createdAt;

    /** When the account last signed in with its password, and the time before that. */
    @Column(name = "signed_in_at")
    public Instant signedInAt;

    @Column(name = "previous_signed_in_at")
    public Instant previousSignedInAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_queue_grant", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "queue_id")
    public Set<Long> queueIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_ward_grant", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "ward_code")
    public Set<String> wardCodes = new HashSet<>();

    @Version
    public int version;

    public static Optional<StaffAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public void setPassword(String password) {
        this.passwordHash = BcryptUtil.bcryptHash(password);
    }

    public Set<String> roleSet() {
        return rolesOf(roles);
    }

    /** The roles of a comma-separated list, as security-jpa reads them. */
    public static Set<String> rolesOf(String roles) {
        return Set.copyOf(Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList());
    }

    public boolean hasRole(String role) {
        return roleSet().contains(role);
    }
}
