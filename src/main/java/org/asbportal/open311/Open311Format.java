package org.asbportal.open311;

import java.util.Locale;
import java.util.Optional;

/** The formats GeoReport v2 answers in, chosen by the path's suffix ({@code .xml}, {@code .json}). */
enum Open311Format {
    XML("text/xml; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    private final String mediaType;

    Open311Format(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format a suffix names; empty for any other. */
    static Optional<Open311Format> of(String suffix) {
        if (suffix == null) {
            return Optional.empty();
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "xml" -> Optional.of(XML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
