package org.asbportal.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A hold on a report or a Community Trigger application: the retention job skips it and erasure refuses it until lifted. */
@Entity
@Table(name = "legal_hold")
public class LegalHold extends PanacheEntityBase {

    static final String REPORT = "REPORT";
    static final String APPLICATION = "APPLICATION";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_kind")
    public String recordKind;

    public String reference;

    public String reason;

    @Column(name = "placed_by")
    public String placedBy;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    /** The holds not lifted, newest first. */
    static List<LegalHold> active() {
        return find("liftedAt is null order by placedAt desc, id desc").list();
    }

    /** The references among these that are held now. */
    static List<String> heldAmong(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return find("liftedAt is null and reference in ?1 order by reference", references).<LegalHold>list().stream()
                .map(h -> h.reference).distinct().toList();
    }

    /** What the page says the record is. */
    public String kindLabel() {
        return REPORT.equals(recordKind) ? "Report and its case" : "Community Trigger application";
    }
}
