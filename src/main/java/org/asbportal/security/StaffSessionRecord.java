package org.asbportal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session signed in with the form, keyed by the SHA-256 of the token its browser holds. */
@Entity
@Table(name = "staff_session")
public class StaffSessionRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** What the session still needs after the password ({@link TwoFactorService#CODE} or {@code SETUP}); null once complete. */
    @Column(name = "second_factor")
    public String secondFactor;

    /** The browser it was opened from, briefly, for the list of one's sessions. */
    public String browser;
}
