package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A kind of letter staff send (a warning, an Acceptable Behaviour Contract...); its text is in its versions. */
@Entity
@Table(name = "letter_template")
public class LetterTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Column(name = "sort_order")
    public int sortOrder;

    public static Optional<LetterTemplate> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<LetterTemplate> ordered() {
        return list("order by sortOrder, code");
    }
}
