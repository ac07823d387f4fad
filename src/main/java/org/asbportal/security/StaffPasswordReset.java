package org.asbportal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An emailed link that resets a staff password, keyed by the SHA-256 of its token. */
@Entity
@Table(name = "staff_password_reset")
public class StaffPasswordReset extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
