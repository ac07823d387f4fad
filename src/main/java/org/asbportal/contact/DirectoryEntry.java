package org.asbportal.contact;

import java.util.Set;

/** An agency in the directory as pages show it: an immutable copy of an {@link Agency}. */
public record DirectoryEntry(String code, String name, String handles, String phone, String email, String website,
        String hours, Agency.Urgency urgency, Set<String> categoryCodes) {

    static DirectoryEntry of(Agency agency) {
        return new DirectoryEntry(agency.code, agency.name, agency.handles, agency.phone, agency.email, agency.website,
                agency.hours, agency.urgency, Set.copyOf(agency.categoryCodes));
    }
}
