package org.asbportal.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.category.Category;

/** Who residents should contact, from the partnership's directory. */
@ApplicationScoped
public class ContactService {

    /** Every agency in the directory, in the partnership's order. */
    @Transactional
    public List<Agency> directory() {
        List<Agency> agencies = Agency.listInOrder();
        agencies.forEach(a -> a.categoryCodes.size());
        return agencies;
    }

    /** The agencies a resident reporting this category should also know about. */
    @Transactional
    public List<Agency> forCategory(String categoryCode) {
        return Agency.listForCategory(categoryCode);
    }

    /** For each category, in order, the agencies that deal with it. */
    @Transactional
    public Map<Category, List<Agency>> byCategory() {
        Map<Category, List<Agency>> guidance = new LinkedHashMap<>();
        List<Agency> agencies = directory();
        for (Category category : Category.listInOrder()) {
            guidance.put(category, agencies.stream().filter(a -> a.categoryCodes.contains(category.code)).toList());
        }
        return guidance;
    }
}
