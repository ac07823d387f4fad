package org.asbportal.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which staff accounts the list shows: by organisation code, role, and active or deactivated. */
public record AccountFilter(String organisation, String role, String status) {

    static AccountFilter of(String organisation, String role, String status) {
        return new AccountFilter(Forms.trimmed(organisation), Forms.trimmed(role), Forms.trimmed(status));
    }

    /** The filter as query parameters for page links, starting with {@code &}. */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "organisation", organisation);
        append(query, "role", role);
        append(query, "status", status);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
