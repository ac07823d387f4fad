package org.asbportal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A token a script or integration sends as {@code Authorization: Bearer}, acting as its staff account.
 * Only the SHA-256 of the token is kept; the prefix (not enough to use it) tells tokens apart in lists.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "token_hash")
    public String tokenHash;

    public String prefix;

    /** What the token is for, as its owner named it. */
    public String name;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The last request it authenticated, to the minute: written at most once a minute. */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** Whether the token may send service requests (reports) through Open311. */
    @Column(name = "open311_write")
    public boolean open311Write;

    /** The Open311 service codes it may send requests for, comma-separated; null for every one. */
    @Column(name = "open311_services")
    public String open311Services;
}
