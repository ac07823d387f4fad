package org.asbportal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's authenticator app: the shared secret, sealed, and the last step a code was accepted for. */
@Entity
@Table(name = "staff_two_factor")
public class StaffTwoFactor extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "secret_sealed")
    public String secretSealed;

    /** Null while being set up. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "last_step")
    public long lastStep;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
