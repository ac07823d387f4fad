package org.asbportal.category;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the kinds of behaviour residents report (categories of ASB), in the order residents see them. */
@ApplicationScoped
public class CategoryService {

    @Transactional
    public List<Category> all() {
        return Category.listInOrder();
    }

    /** Categories under their group, groups in national recording order. */
    @Transactional
    public Map<CategoryGroup, List<Category>> byGroup() {
        List<Category> all = Category.listInOrder();
        Map<CategoryGroup, List<Category>> groups = new LinkedHashMap<>();
        for (CategoryGroup group : CategoryGroup.values()) {
            groups.put(group, all.stream().filter(c -> c.group == group).toList());
        }
        return groups;
    }

    @Transactional
    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Category.findById(code));
    }
}
