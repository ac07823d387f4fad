package org.asbportal.contact;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryService;
import org.asbportal.web.ReferenceData;

/**
 * Who residents should contact, from the partnership's directory. The directory is held in memory
 * ({@link ReferenceData}, kind {@value #DIRECTORY}) until an administrator changes it.
 */
@ApplicationScoped
public class ContactService {

    /** The kind of reference data the directory is: whoever changes it calls {@link ReferenceData#changed}. */
    public static final String DIRECTORY = "directory";

    /** A kind of behaviour and the agencies, in the directory's order, that deal with it. */
    public record Guidance(CategoryRef category, List<DirectoryEntry> agencies) {
    }

    private record Directory(List<DirectoryEntry> directory, List<Guidance> byCategory) {
    }

    private final CategoryService categories;
    private final ReferenceData.Held<Directory> held;

    public ContactService(ReferenceData reference, CategoryService categories) {
        this.categories = categories;
        this.held = reference.hold(this::load, DIRECTORY, CategoryService.CATEGORIES);
    }

    private Directory load() {
        List<DirectoryEntry> directory = Agency.listInOrder().stream().map(DirectoryEntry::of).toList();
        List<Guidance> guidance = categories.all().stream().map(category -> new Guidance(category,
                directory.stream().filter(a -> a.categoryCodes().contains(category.code())).toList())).toList();
        return new Directory(directory, guidance);
    }

    /** Every agency in the directory, in the partnership's order. */
    public List<DirectoryEntry> directory() {
        return held.get().directory();
    }

    /** The agencies a resident reporting this category should also know about. */
    public List<DirectoryEntry> forCategory(String categoryCode) {
        return directory().stream().filter(a -> a.categoryCodes().contains(categoryCode)).toList();
    }

    /** For each category, in order, the agencies that deal with it. */
    public List<Guidance> byCategory() {
        return held.get().byCategory();
    }
}
