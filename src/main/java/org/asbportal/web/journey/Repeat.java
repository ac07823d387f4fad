package org.asbportal.web.journey;

import java.util.List;

/**
 * Entries a page repeats, with "Add another" and "Remove" buttons that work without JavaScript: the
 * buttons post {@code add-NAME} or {@code remove-NAME:N} (entries count from 1).
 *
 * @param name names the buttons and the inputs
 * @param property the draft's list
 * @param max entries at most
 * @param fields empty for a list of single inputs all named {@code NAME}; otherwise each entry is an
 *        object whose fields are posted as {@code NAME-N-FIELD}
 */
public record Repeat(String name, String property, int max, List<String> fields) {

    /** A list of single inputs, all named {@code name}. */
    public static Repeat values(String name, String property, int max) {
        return new Repeat(name, property, max, List.of());
    }

    /** A list of entries with several inputs each, named {@code name-N-field}. */
    public static Repeat entries(String name, String property, int max, String... fields) {
        return new Repeat(name, property, max, List.of(fields));
    }

    public String addAction() {
        return "add-" + name;
    }

    public String removeAction() {
        return "remove-" + name + ":";
    }
}
