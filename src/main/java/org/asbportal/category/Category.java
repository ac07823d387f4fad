package org.asbportal.category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A kind of ASB residents can report. Reference data. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "category_group")
    public CategoryGroup group;

    public String hint;

    @Column(name = "sort_order")
    public int sortOrder;

    public static List<Category> listInOrder() {
        return list("order by sortOrder");
    }
}
