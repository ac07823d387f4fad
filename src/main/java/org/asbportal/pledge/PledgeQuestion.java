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
import jakarta.persistence.Table;

/** A question of one questionnaire version, with the action suggested when the answer is a gap. */
@Entity
@Table(name = "pledge_question")
public class PledgeQuestion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    public PledgeSection section;

    public int position;

    public String code;

    /** The area of practice examined, e.g. "Appeal route". */
    public String area;

    public String text;

    public String hint;

    @Column(name = "suggested_action")
    public String suggestedAction;
}
