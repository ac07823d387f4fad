package org.asbportal.ward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class WardBoundariesTest {

    private static final String CODE = "cmwd11cd";
    private static final String NAME = "cmwd11nm";

    private static final String SQUARE_WITH_HOLE = """
            {"type":"Polygon","coordinates":[
              [[0,0],[10,0],[10,10],[0,10],[0,0]],
              [[4,4],[6,4],[6,6],[4,6],[4,4]]]}""";
    private static final String TWO_ISLANDS = """
            {"type":"MultiPolygon","coordinates":[
              [[[20,0],[22,0],[22,2],[20,2],[20,0]]],
              [[[30,0],[32,0],[32,2],[30,2],[30,0]]]]}""";

    @Test
    void bedfordAsbRowsFallInTheExpectedWards() {
        WardBoundaries wards = bedfordWards();

        assertEquals(expectedBedfordCounts(), countAsbRowsByWard(wards));
    }

    @Test
    void shapesRebuildTheSameBoundaries() {
        WardBoundaries rebuilt = WardBoundaries.of(bedfordWards().shapes());

        assertEquals(27, rebuilt.shapes().size());
        assertEquals(expectedBedfordCounts(), countAsbRowsByWard(rebuilt));
    }

    @Test
    void featureCollectionKeepsCodesNamesAndGeometry() {
        WardBoundaries wards = WardBoundaries.fromFeatureCollection(
                featureCollection(feature("W1", "Holey", SQUARE_WITH_HOLE)), CODE, NAME);

        WardShape shape = wards.shapes().get(0);
        assertEquals("W1", shape.code());
        assertEquals("Holey", shape.name());
        assertEquals(List.of(shape), WardBoundaries.of(List.of(shape)).shapes());
        assertTrue(shape.geometryGeoJson().contains("\"Polygon\""));
    }

    @Test
    void pointInAHoleIsInNoWard() {
        WardBoundaries wards = WardBoundaries.of(List.of(new WardShape("W1", "Holey", SQUARE_WITH_HOLE)));

        assertEquals(Optional.empty(), wards.locate(5, 5));
        assertEquals(Optional.of(new WardRef("W1", "Holey")), wards.locate(2, 2));
        assertEquals(Optional.of(new WardRef("W1", "Holey")), wards.locate(8, 5));
    }

    @Test
    void everyPartOfAMultiPolygonIsFound() {
        WardBoundaries wards = WardBoundaries.fromFeatureCollection(
                featureCollection(feature("W2", "Islands", TWO_ISLANDS)), CODE, NAME);

        WardRef islands = new WardRef("W2", "Islands");
        assertEquals(Optional.of(islands), wards.locate(1, 21));
        assertEquals(Optional.of(islands), wards.locate(1, 31));
        assertEquals(Optional.empty(), wards.locate(1, 26));
    }

    @Test
    void pointOutsideEveryWardIsInNone() {
        WardBoundaries wards = bedfordWards();

        assertEquals(Optional.empty(), wards.locate(51.5072, -0.1276));
        assertEquals(Optional.empty(), WardBoundaries.of(List.of()).locate(52.1, -0.4));
    }

    @Test
    void pointOnASharedEdgeResolvesToTheLowestCodeWhateverTheOrder() {
        WardShape west = new WardShape("B2", "West", square(0, 0));
        WardShape east = new WardShape("A1", "East", square(1, 0));
        WardRef expected = new WardRef("A1", "East");

        assertEquals(Optional.of(expected), WardBoundaries.of(List.of(west, east)).locate(0.5, 1));
        assertEquals(Optional.of(expected), WardBoundaries.of(List.of(east, west)).locate(0.5, 1));
        assertEquals(Optional.of(expected), WardBoundaries.of(List.of(west, east)).locate(1, 1));
        assertEquals(Optional.of(new WardRef("B2", "West")), WardBoundaries.of(List.of(west, east)).locate(0.5, 0));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertMessage("GeoJSON is not a FeatureCollection",
                () -> WardBoundaries.fromFeatureCollection(SQUARE_WITH_HOLE, CODE, NAME));
        assertMessage("Feature 0 has no \"cmwd11cd\" property",
                () -> WardBoundaries.fromFeatureCollection(featureCollection(
                        "{\"type\":\"Feature\",\"properties\":{\"cmwd11nm\":\"A\"},\"geometry\":" + square(0, 0) + "}"),
                        CODE, NAME));
        assertMessage("Feature 1 has no \"cmwd11nm\" property",
                () -> WardBoundaries.fromFeatureCollection(featureCollection(
                        feature("W1", "A", square(0, 0)),
                        "{\"type\":\"Feature\",\"properties\":{\"cmwd11cd\":\"W2\"},\"geometry\":" + square(1, 0) + "}"),
                        CODE, NAME));
        assertMessage("Ward W1 (A) has unsupported geometry type \"LineString\": "
                + "only Polygon and MultiPolygon are supported",
                () -> WardBoundaries.fromFeatureCollection(featureCollection(
                        feature("W1", "A", "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}")), CODE, NAME));
        assertMessage("Ward W1 (A) has unsupported geometry type \"Point\": "
                + "only Polygon and MultiPolygon are supported",
                () -> WardBoundaries.of(List.of(new WardShape("W1", "A", "{\"type\":\"Point\",\"coordinates\":[0,0]}"))));
        assertMessage("Ward W1 (A) has a polygon ring that is not closed",
                () -> WardBoundaries.of(List.of(new WardShape("W1", "A",
                        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))));
        assertMessage("Duplicate ward code W1",
                () -> WardBoundaries.of(List.of(new WardShape("W1", "A", square(0, 0)),
                        new WardShape("W1", "B", square(1, 0)))));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WardBoundaries.of(List.of(new WardShape("W1", "A", "{\"type\":"))))
                .getMessage().startsWith("Ward W1 (A) geometry is not valid JSON"));
    }

    @Test
    void csvParserKeepsQuotedCommasAndQuotes() {
        assertEquals(List.of(List.of("a", "On or near High Street, Bedford", "say \"hi\"", ""), List.of("b")),
                parseCsv("a,\"On or near High Street, Bedford\",\"say \"\"hi\"\"\",\r\nb\n"));
    }

    private static void assertMessage(String expected, Runnable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action::run).getMessage());
    }

    private static WardBoundaries bedfordWards() {
        return WardBoundaries.fromFeatureCollection(resource("wards.geojson"), CODE, NAME);
    }

    private static Map<String, Integer> countAsbRowsByWard(WardBoundaries wards) {
        Map<String, Integer> counts = new TreeMap<>();
        wards.shapes().forEach(shape -> counts.put(shape.name(), 0));
        List<List<String>> rows = parseCsv(resource("asb.csv"));
        List<String> header = rows.get(0);
        int longitude = header.indexOf("Longitude");
        int latitude = header.indexOf("Latitude");
        assertEquals(436, rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            WardRef ward = wards.locate(Double.parseDouble(row.get(latitude)), Double.parseDouble(row.get(longitude)))
                    .orElseThrow(() -> new AssertionError("No ward for " + row));
            counts.merge(ward.name(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> expectedBedfordCounts() {
        Map<String, Integer> expected = new TreeMap<>();
        List<List<String>> rows = parseCsv(resource("expected_ward_counts.csv"));
        assertEquals(List.of("ward", "count"), rows.get(0));
        rows.subList(1, rows.size()).forEach(row -> expected.put(row.get(0), Integer.valueOf(row.get(1))));
        assertEquals(27, expected.size());
        return expected;
    }

    private static String resource(String name) {
        try (InputStream in = WardBoundariesTest.class.getResourceAsStream("/bedford/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource bedford/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String square(double west, double south) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(
                west, south, west + 1, south, west + 1, south + 1, west, south + 1, west, south);
    }

    private static String feature(String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"cmwd11cd\":\"%s\",\"cmwd11nm\":\"%s\"},\"geometry\":%s}"
                .formatted(code, name, geometry);
    }

    private static String featureCollection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
