package org.asbportal.trigger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bodies a case review brings together. Stored as their codes, comma separated. */
public enum Agencies {
    COUNCIL("The council"),
    POLICE("The police"),
    HEALTH("Health (the NHS integrated care board)"),
    HOUSING("The housing provider"),
    OTHER("Another body");

    private final String label;

    Agencies(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The codes as stored. */
    static String store(List<Agencies> agencies) {
        return String.join(",", agencies.stream().map(Enum::name).toList());
    }

    /** The stored codes read back, in their order here. */
    static List<Agencies> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        List<String> codes = Arrays.asList(stored.split(","));
        List<Agencies> agencies = new ArrayList<>();
        for (Agencies agency : values()) {
            if (codes.contains(agency.name())) {
                agencies.add(agency);
            }
        }
        return agencies;
    }
}
