package org.asbportal.report;

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
import java.util.Optional;

/**
 * A link emailed to the address a report gave, to replace the report's lost access code: found by the
 * SHA-256 of its token (never the token), usable once before it expires.
 */
@Entity
@Table(name = "access_code_replacement")
public class AccessCodeReplacement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** The link behind {@code tokenHash} while it works: not used, not expired. */
    static Optional<AccessCodeReplacement> findWorking(String tokenHash, Instant now) {
        return find("tokenHash = ?1 and usedAt is null and expiresAt > ?2", tokenHash, now).firstResultOptional();
    }

    /** Uses the working link behind {@code tokenHash}, in one statement: true for the one request that did. */
    static boolean use(String tokenHash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash) == 1;
    }
}
