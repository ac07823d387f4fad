package org.asbportal.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.JoinColumn;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An entry in the partnership's directory of who to contact. Reference data staff maintain. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    public enum Urgency {
        EMERGENCY("Emergency: danger now (999)"),
        URGENT("Urgent: needs action soon"),
        ROUTINE("Routine");

        private final String description;

        Urgency(String description) {
            this.description = description;
        }

        /** How the directory's editors read it. */
        public String description() {
            return description;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    /** What residents should contact them about. */
    public String handles;

    public String phone;

    public String email;

    public String website;

    public String hours;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    @Column(name = "sort_order")
    public int sortOrder;

    /** Codes of the categories of ASB this agency deals with. */
    @ElementCollection
    @CollectionTable(name = "agency_category", joinColumns = @JoinColumn(name = "agency_id"))
    @Column(name = "category_code")
    public Set<String> categoryCodes = new HashSet<>();

    public static List<Agency> listInOrder() {
        return list("order by sortOrder, name");
    }

    public static List<Agency> listForCategory(String categoryCode) {
        return list("select a from Agency a join a.categoryCodes c where c = ?1 order by a.sortOrder, a.name", categoryCode);
    }
}
