package org.asbportal.ward;

import java.util.Objects;

/**
 * A ward and its boundary as a GeoJSON geometry object (Polygon or MultiPolygon, lon/lat), the text
 * stored in the {@code ward.boundary} column.
 */
public record WardShape(String code, String name, String geometryGeoJson) {

    public WardShape {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometryGeoJson, "geometryGeoJson");
    }
}
