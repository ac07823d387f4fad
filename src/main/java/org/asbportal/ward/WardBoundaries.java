package org.asbportal.ward;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ward boundaries for exact point-in-polygon look-ups.
 * <p>
 * Boundaries are GeoJSON Polygons or MultiPolygons in lon/lat; holes are respected. A point on a
 * boundary belongs to the ward whose boundary it is on, and a point on a boundary shared by several
 * wards resolves to the ward with the lowest code, so every look-up is deterministic. There is no
 * buffering or snapping.
 * <p>
 * Instances are immutable and safe to share between threads.
 */
public final class WardBoundaries {

    private static final int WGS84 = 4326;
    private static final GeometryFactory GEOMETRY_FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Ward> BY_CODE = Comparator.comparing(ward -> ward.ref().code());

    private final List<Ward> wards;
    private final STRtree index = new STRtree();

    private WardBoundaries(List<Ward> wards) {
        Set<String> codes = new HashSet<>();
        for (Ward ward : wards) {
            if (!codes.add(ward.ref().code())) {
                throw new IllegalArgumentException("Duplicate ward code " + ward.ref().code());
            }
        }
        this.wards = wards.stream().sorted(BY_CODE).toList();
        for (Ward ward : this.wards) {
            index.insert(ward.prepared().getGeometry().getEnvelopeInternal(), ward);
        }
        index.build();
    }

    /**
     * Reads wards from a GeoJSON FeatureCollection whose features carry the ward code and name as
     * properties.
     *
     * @throws IllegalArgumentException if the text is not a FeatureCollection, a feature lacks the code
     *         or name property, a geometry is not a valid Polygon or MultiPolygon, or a code appears twice
     */
    public static WardBoundaries fromFeatureCollection(String geojson, String codeProperty, String nameProperty) {
        Objects.requireNonNull(geojson, "geojson");
        Objects.requireNonNull(codeProperty, "codeProperty");
        Objects.requireNonNull(nameProperty, "nameProperty");
        JsonNode root = readJson(geojson, "GeoJSON");
        if (!"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException("GeoJSON is not a FeatureCollection");
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) {
            throw new IllegalArgumentException("FeatureCollection has no features array");
        }
        List<Ward> wards = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String where = "Feature " + i;
            JsonNode properties = feature.path("properties");
            WardRef ref = new WardRef(
                    property(properties, codeProperty, where), property(properties, nameProperty, where));
            JsonNode geometry = feature.path("geometry");
            if (!geometry.isObject()) {
                throw new IllegalArgumentException(describe(ref) + " has no geometry");
            }
            wards.add(ward(ref, geometry.toString(), geometry));
        }
        return new WardBoundaries(wards);
    }

    /**
     * Builds boundaries from wards whose geometries are GeoJSON geometry objects.
     *
     * @throws IllegalArgumentException if a geometry is not a valid Polygon or MultiPolygon, or a code
     *         appears twice
     */
    public static WardBoundaries of(List<WardShape> shapes) {
        List<Ward> wards = new ArrayList<>(shapes.size());
        for (WardShape shape : shapes) {
            WardRef ref = new WardRef(shape.code(), shape.name());
            JsonNode geometry = readJson(shape.geometryGeoJson(), describe(ref) + " geometry");
            wards.add(ward(ref, shape.geometryGeoJson(), geometry));
        }
        return new WardBoundaries(wards);
    }

    /**
     * Finds the ward containing a point, or empty if the point is in no ward.
     */
    public Optional<WardRef> locate(double latitude, double longitude) {
        Coordinate coordinate = new Coordinate(longitude, latitude);
        Point point = GEOMETRY_FACTORY.createPoint(coordinate);
        @SuppressWarnings("unchecked")
        List<Ward> candidates = index.query(new Envelope(coordinate));
        return candidates.stream()
                .filter(ward -> ward.prepared().covers(point))
                .min(BY_CODE)
                .map(Ward::ref);
    }

    /**
     * The wards with their boundaries as GeoJSON geometry text, in code order.
     */
    public List<WardShape> shapes() {
        return wards.stream()
                .map(ward -> new WardShape(ward.ref().code(), ward.ref().name(), ward.geometryGeoJson()))
                .toList();
    }

    private static JsonNode readJson(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String property(JsonNode properties, String name, String where) {
        JsonNode value = properties.path(name);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " has no \"" + name + "\" property");
        }
        return value.asText();
    }

    private static String describe(WardRef ref) {
        return "Ward " + ref.code() + " (" + ref.name() + ")";
    }

    private static Ward ward(WardRef ref, String geometryGeoJson, JsonNode geometry) {
        Geometry boundary = toGeometry(geometry, describe(ref));
        return new Ward(ref, geometryGeoJson, PreparedGeometryFactory.prepare(boundary));
    }

    private static Geometry toGeometry(JsonNode geometry, String where) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, where);
            case "MultiPolygon" -> {
                requireNonEmptyArray(coordinates, where, "a MultiPolygon");
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), where);
                }
                yield GEOMETRY_FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException(where + " has unsupported geometry type \"" + type
                    + "\": only Polygon and MultiPolygon are supported");
        };
    }

    private static Polygon polygon(JsonNode rings, String where) {
        requireNonEmptyArray(rings, where, "a polygon");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(rings.get(i + 1), where);
        }
        return GEOMETRY_FACTORY.createPolygon(ring(rings.get(0), where), holes);
    }

    private static LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException(where + " has a polygon ring with fewer than 4 positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2
                    || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException(
                        where + " has a position that is not [longitude, latitude]: " + position);
            }
            coordinates[i] = new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException(where + " has a polygon ring that is not closed");
        }
        return GEOMETRY_FACTORY.createLinearRing(coordinates);
    }

    private static void requireNonEmptyArray(JsonNode node, String where, String what) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException(where + " has no coordinates for " + what);
        }
    }

    private record Ward(WardRef ref, String geometryGeoJson, PreparedGeometry prepared) {
    }
}
