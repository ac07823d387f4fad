package org.asbportal.ward;

import java.util.Objects;

/**
 * A ward identified by its ONS code, with its display name.
 */
public record WardRef(String code, String name) {

    public WardRef {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
