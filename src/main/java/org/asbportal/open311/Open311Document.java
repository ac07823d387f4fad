package org.asbportal.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GeoReport v2 answer, written as XML or JSON by {@link Open311Writer}: either one object (a
 * discovery, a service definition) or a list of items (services, requests, updates, errors). Fields
 * keep their order; a value is text, a number, a boolean, null (an empty element in XML), or a
 * {@link Repeated} list of values or nested fields.
 */
record Open311Document(String root, String item, Map<String, Object> object, List<Map<String, Object>> items, int status) {

    /** A list of values: in XML one {@code item} element per value inside the field's; in JSON an array. */
    record Repeated(String item, List<?> values) {
    }

    static Open311Document object(String root, Map<String, Object> fields) {
        return new Open311Document(root, null, fields, null, 200);
    }

    static Open311Document list(String root, String item, List<Map<String, Object>> items) {
        return new Open311Document(root, item, null, items, 200);
    }

    /** The GeoReport errors answer with the HTTP status as each error's code. */
    static Open311Document errors(int status, List<String> descriptions) {
        List<Map<String, Object>> errors = descriptions.stream().map(description -> fields("code", status,
                "description", description)).toList();
        return new Open311Document("errors", "error", null, errors, status);
    }

    boolean isList() {
        return items != null;
    }

    /** Fields in the order given, as name, value, name, value. */
    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
