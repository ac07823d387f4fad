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
 * @param pairedName for a list of single inputs, an optional second input by each (all named so, in
 *        the same order), whose answers are kept in {@code pairedProperty} at the same positions; null when none
 * @param pairedProperty the draft's list of the paired answers
 */
public record Repeat(String name, String property, int max, List<String> fields, String pairedName, String pairedProperty) {

    /** A list of single inputs, all named {@code name}. */
    public static Repeat values(String name, String property, int max) {
        return new Repeat(name, property, max, List.of(), null, null);
    }

    /** A list of entries with several inputs each, named {@code name-N-field}. */
    public static Repeat entries(String name, String property, int max, String... fields) {
        return new Repeat(name, property, max, List.of(fields), null, null);
    }

    /**
     * The same list of single inputs, each with a second, optional input named {@code name} whose
     * answers are kept in the draft's {@code property}, entry for entry (null where left empty); an
     * entry whose first input is left empty is dropped with its pair.
     */
    public Repeat pairedWith(String name, String property) {
        if (!fields.isEmpty()) {
            throw new IllegalStateException("Only a list of single inputs takes a paired input");
        }
        return new Repeat(this.name, this.property, max, fields, name, property);
    }

    public boolean paired() {
        return pairedName != null;
    }

    public String addAction() {
        return "add-" + name;
    }

    public String removeAction() {
        return "remove-" + name + ":";
    }
}
