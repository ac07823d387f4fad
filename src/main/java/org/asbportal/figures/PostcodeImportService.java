package org.asbportal.figures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.asbportal.figures.CsvReader.Row;
import org.asbportal.security.AuditLog;
import org.asbportal.ward.Places;
import org.asbportal.ward.Places.Kind;
import org.asbportal.ward.Places.NewPlace;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Imports an extract of the ONS Postcode Directory into the gazetteer, so residents can find a place
 * by its postcode: a CSV with a postcode, its latitude and longitude and, optionally, its ward code
 * (the directory's own column names, {@code pcds}, {@code lat}, {@code long}, {@code osward}, are
 * understood too). The upload replaces the postcodes imported before, in one transaction. A postcode
 * whose ward code is not one of the partnership's wards is placed by its point.
 */
@ApplicationScoped
public class PostcodeImportService {

    /** What an import did. */
    public record PostcodeImportResult(int imported, int skipped, List<String> problems) {
    }

    private static final int MAX_PROBLEMS = 20;
    private static final int BATCH = 1000;
    private static final List<String> POSTCODE = List.of("postcode", "pcds", "pcd", "pcd2");
    private static final List<String> LATITUDE = List.of("latitude", "lat");
    private static final List<String> LONGITUDE = List.of("longitude", "long", "lng");
    private static final List<String> WARD = List.of("ward code", "ward_code", "wardcode", "ward", "osward");

    private final AgroalDataSource dataSource;
    private final Places places;
    private final AuditLog audit;

    public PostcodeImportService(AgroalDataSource dataSource, Places places, AuditLog audit) {
        this.dataSource = dataSource;
        this.places = places;
        this.audit = audit;
    }

    /**
     * Replaces the gazetteer's postcodes with those of the CSV text.
     *
     * @throws InvalidSubmissionException if the header lacks a postcode, latitude or longitude column
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public PostcodeImportResult importCsv(Reader reader, String actor) {
        try (CsvReader csv = new CsvReader(reader); Connection connection = dataSource.getConnection()) {
            Row header = csv.next();
            Map<String, Integer> columns = header == null || header.error() != null ? Map.of() : columns(header.fields());
            Optional<Integer> postcode = column(columns, POSTCODE);
            Optional<Integer> latitude = column(columns, LATITUDE);
            Optional<Integer> longitude = column(columns, LONGITUDE);
            if (postcode.isEmpty() || latitude.isEmpty() || longitude.isEmpty()) {
                throw new InvalidSubmissionException("postcodeFile", "The file needs a header row naming its postcode, "
                        + "latitude and longitude columns (and, if you have it, the ward code)");
            }
            Optional<Integer> ward = column(columns, WARD);
            places.clear(connection, Places.POSTCODES);
            // Stored a thousand at a time: a whole country's directory never sits in memory.
            List<NewPlace> found = new ArrayList<>();
            int imported = 0;
            List<String> problems = new ArrayList<>();
            int skipped = 0;
            for (Row row = csv.next(); row != null; row = csv.next()) {
                String problem = row.error();
                NewPlace place = null;
                if (problem == null) {
                    List<String> fields = row.fields();
                    Optional<String> code = Places.postcode(field(fields, postcode.get()));
                    BigDecimal lat = coordinate(field(fields, latitude.get()), 90);
                    BigDecimal lon = coordinate(field(fields, longitude.get()), 180);
                    if (code.isEmpty()) {
                        problem = "\u201c" + shorten(field(fields, postcode.get())) + "\u201d is not a postcode";
                    } else if (lat == null || lon == null) {
                        // The directory gives terminated and unlocated postcodes 99.999999, 0.000000.
                        problem = code.get() + " has no usable latitude and longitude";
                    } else {
                        String wardCode = ward.map(i -> field(fields, i)).filter(s -> !s.isEmpty()).orElse(null);
                        place = new NewPlace(Kind.POSTCODE, code.get(), lat, lon, wardCode);
                    }
                }
                if (place == null) {
                    skipped++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add("Line " + row.line() + ": " + problem);
                    }
                } else {
                    found.add(place);
                    if (found.size() == BATCH) {
                        imported += places.add(connection, Places.POSTCODES, found, true);
                        found.clear();
                    }
                }
            }
            imported += places.add(connection, Places.POSTCODES, found, true);
            audit.record(actor, "POSTCODES_IMPORTED", null, imported + " postcodes imported, " + skipped + " skipped");
            return new PostcodeImportResult(imported, skipped, List.copyOf(problems));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the postcodes", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the postcodes", e);
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            names.putIfAbsent(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
        }
        return names;
    }

    private static Optional<Integer> column(Map<String, Integer> columns, List<String> names) {
        return names.stream().map(columns::get).filter(i -> i != null).findFirst();
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "\u2026" : text;
    }

    private static BigDecimal coordinate(String text, int limit) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.abs().compareTo(BigDecimal.valueOf(limit)) >= 0) {
                return null;
            }
            return value.setScale(6, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
