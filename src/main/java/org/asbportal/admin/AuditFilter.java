package org.asbportal.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the audit search looks for: who (username), what (action, e.g. READ_CASE), which case
 * (reference) and when (from and to, dates in the partnership's time zone, both included).
 */
public record AuditFilter(String actor, String action, String reference, String from, String to) {

    static AuditFilter of(String actor, String action, String reference, String from, String to) {
        return new AuditFilter(Forms.trimmed(actor), upper(action), upper(reference), Forms.trimmed(from), Forms.trimmed(to));
    }

    /** The filter as query parameters for page links, each starting with {@code &}. */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "actor", actor);
        append(query, "action", action);
        append(query, "reference", reference);
        append(query, "from", from);
        append(query, "to", to);
        return query.toString();
    }

    private static String upper(String value) {
        String text = Forms.trimmed(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
