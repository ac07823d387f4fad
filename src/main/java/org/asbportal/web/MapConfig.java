package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The map residents can place a pin on. It always draws the ward boundaries; background tiles (OS
 * Maps API, OpenStreetMap or the council's own) are off until a tile address is set.
 */
@ConfigMapping(prefix = "asb.map")
public interface MapConfig {

    /**
     * The tiles' address with {@code {z}}, {@code {x}} and {@code {y}}, for example
     * {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}; none by default (boundaries only).
     */
    Optional<String> tileUrl();

    /** The attribution the tiles' licence asks for, shown on the map. */
    Optional<String> attribution();

    /** The tiles' origin ({@code https://tile.example.org}), which the pages' Content-Security-Policy allows images from. */
    default Optional<String> tileOrigin() {
        Matcher origin = Pattern.compile("^(https?://[^/?#{}]+)").matcher(tileUrl().orElse(""));
        return origin.find() ? Optional.of(origin.group(1)) : Optional.empty();
    }
}
