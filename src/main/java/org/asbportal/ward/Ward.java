package org.asbportal.ward;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** An electoral ward: the unit councillors look at. Its boundary is read by {@link WardLocator}. */
@Entity
@Table(name = "ward")
public class Ward extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public Integer population;

    public static List<Ward> listByName() {
        return list("order by name");
    }
}
