package org.asbportal.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A section of one questionnaire version: a PLEDGE principle, or the CLAP test. */
@Entity
@Table(name = "pledge_section")
public class PledgeSection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "questionnaire_id")
    public PledgeQuestionnaire questionnaire;

    public int position;

    /** The same in every version, so sections can be compared across versions. */
    public String code;

    public String title;

    @Column(length = 2000)
    public String description;

    @OneToMany(mappedBy = "section")
    @OrderBy("position")
    public List<PledgeQuestion> questions = new ArrayList<>();
}
