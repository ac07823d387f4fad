package org.asbportal.web;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One read of {@code /q/metrics}, as Prometheus scrapes it, and the value of a series in it. */
public final class Scrape {

    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    public static Scrape now() {
        return new Scrape(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public String text() {
        return text;
    }

    /** The value of the series {@code name} with exactly these labels, or 0 when it has not appeared yet. */
    public double value(String name, String... labels) {
        String series = name + labels(labels);
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        return 0;
    }

    /** Whether the series appears at all. */
    public boolean has(String name, String... labels) {
        String series = name + labels(labels);
        return text.lines().anyMatch(line -> line.startsWith(series + " "));
    }

    /** Prometheus writes a series' labels sorted by name. */
    private static String labels(String... labels) {
        if (labels.length == 0) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        return sorted.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
