package org.asbportal.triage;

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
import java.util.List;
import java.util.Optional;

/** One version of a letter template: its name and Qute text. Editing adds a version; none is ever changed. */
@Entity
@Table(name = "letter_template_version")
public class LetterTemplateVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "template_id", updatable = false)
    public LetterTemplate template;

    @Column(updatable = false)
    public int version;

    @Column(updatable = false)
    public String name;

    @Column(updatable = false)
    public String body;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    public static Optional<LetterTemplateVersion> latest(LetterTemplate template) {
        return find("template = ?1 order by version desc", template).firstResultOptional();
    }

    public static Optional<LetterTemplateVersion> find(LetterTemplate template, int version) {
        return find("template = ?1 and version = ?2", template, version).firstResultOptional();
    }

    public static List<LetterTemplateVersion> history(LetterTemplate template) {
        return list("template = ?1 order by version desc", template);
    }
}
