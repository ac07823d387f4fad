package org.asbportal.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One published version of the self-assessment. Never changed once published. */
@Entity
@Table(name = "pledge_questionnaire")
public class PledgeQuestionnaire extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int version;

    public String title;

    @Column(name = "published_at")
    public Instant publishedAt;

    @OneToMany(mappedBy = "questionnaire")
    @OrderBy("position")
    public List<PledgeSection> sections = new ArrayList<>();

    /** The latest published version. */
    public static Optional<PledgeQuestionnaire> latest() {
        return find("order by version desc").firstResultOptional();
    }

    public Optional<PledgeSection> section(String code) {
        return sections.stream().filter(s -> s.code.equals(code)).findFirst();
    }
}
