package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A target an agency works to for one kind of behaviour, optionally in one ward: a case meets it
 * when it is closed within {@link #hours} of being received. Retired, never deleted.
 */
@Entity
@Table(name = "service_target")
public class ServiceTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "category_code")
    public String categoryCode;

    /** The ward the target applies in; null for the whole area. */
    @Column(name = "ward_code")
    public String wardCode;

    public int hours;

    /** What is promised, in plain words: "Offensive graffiti removed within 24 hours". */
    public String description;

    public boolean active;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "retired_by")
    public String retiredBy;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public int version;

    public static List<ServiceTarget> listActive() {
        return list("active = true order by categoryCode, wardCode, id");
    }
}
