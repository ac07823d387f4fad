package org.asbportal.category;

/** A kind of behaviour residents can report, as pages show it: an immutable copy of a {@link Category}. */
public record CategoryRef(String code, String name, CategoryGroup group, String hint) {

    static CategoryRef of(Category category) {
        return new CategoryRef(category.code, category.name, category.group, category.hint);
    }
}
