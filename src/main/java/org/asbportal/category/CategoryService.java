package org.asbportal.category;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.asbportal.web.ReferenceData;

/**
 * Reads the kinds of behaviour residents report (categories of ASB), in the order residents see them.
 * They are held in memory ({@link ReferenceData}, kind {@value #CATEGORIES}) until they change.
 */
@ApplicationScoped
public class CategoryService {

    /** The kind of reference data the categories are: whoever changes them calls {@link ReferenceData#changed}. */
    public static final String CATEGORIES = "categories";

    private record Categories(List<CategoryRef> all, Map<CategoryGroup, List<CategoryRef>> byGroup, Map<String, CategoryRef> byCode) {
    }

    private final ReferenceData.Held<Categories> held;

    public CategoryService(ReferenceData reference) {
        this.held = reference.hold(CategoryService::load, CATEGORIES);
    }

    private static Categories load() {
        List<CategoryRef> all = Category.listInOrder().stream().map(CategoryRef::of).toList();
        Map<CategoryGroup, List<CategoryRef>> groups = new LinkedHashMap<>();
        for (CategoryGroup group : CategoryGroup.values()) {
            groups.put(group, all.stream().filter(c -> c.group() == group).toList());
        }
        Map<String, CategoryRef> byCode = new LinkedHashMap<>();
        all.forEach(c -> byCode.put(c.code(), c));
        return new Categories(all, Collections.unmodifiableMap(groups), Collections.unmodifiableMap(byCode));
    }

    public List<CategoryRef> all() {
        return held.get().all();
    }

    /** Categories under their group, groups in national recording order. */
    public Map<CategoryGroup, List<CategoryRef>> byGroup() {
        return held.get().byGroup();
    }

    public Optional<CategoryRef> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(held.get().byCode().get(code));
    }
}
