package org.asbportal.open311.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** An update read from a partner, remembered so the victim is told it once. */
@Entity
@Table(name = "partner_update")
public class PartnerUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "handoff_id")
    public PartnerHandoff handoff;

    @Column(name = "partner_update_id")
    public String partnerUpdateId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
