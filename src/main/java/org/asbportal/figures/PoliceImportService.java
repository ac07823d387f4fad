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
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.asbportal.web.Calendar;
import org.asbportal.security.AuditLog;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.figures.CsvReader.Row;
import org.asbportal.figures.PoliceImportResult.LineError;
import org.asbportal.ward.WardLocator;
import org.asbportal.ward.WardRef;

/**
 * Imports data.police.uk street-level CSV: keeps the anti-social behaviour rows, finds each one's ward
 * from its point, and replaces whatever was imported before for the same force and month. The file is
 * read record by record and written in batches, so its size does not matter; the whole import is one
 * transaction, so a failure leaves the previous data as it was. The gazetteer's streets are made again
 * from the incidents in the same transaction ({@link PoliceStreets}).
 */
@ApplicationScoped
public class PoliceImportService {

    static final String ASB = "Anti-social behaviour";
    private static final int BATCH = 1000;
    private static final String[] REQUIRED = {"Month", "Falls within", "Longitude", "Latitude", "Location",
        "LSOA code", "LSOA name", "Crime type"};

    private final AgroalDataSource dataSource;
    private final WardLocator locator;
    private final WardConfig config;
    private final AuditLog audit;
    private final WardCounts counts;

    private final Calendar calendar;
    private final PoliceStreets streets;

    public PoliceImportService(AgroalDataSource dataSource, WardLocator locator, WardConfig config, AuditLog audit,
            WardCounts counts, Calendar calendar, PoliceStreets streets) {
        this.streets = streets;
        this.calendar = calendar;
        this.counts = counts;
        this.audit = audit;
        this.dataSource = dataSource;
        this.locator = locator;
        this.config = config;
    }

    /**
     * Imports the CSV text.
     *
     * @throws InvalidSubmissionException if the file has no header row with the data.police.uk columns
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public PoliceImportResult importCsv(Reader reader, String actor) {
        try (CsvReader csv = new CsvReader(reader); Connection connection = dataSource.getConnection()) {
            PoliceImportResult result = new Run(connection, csv).read();
            streets.rebuild(connection);
            counts.policeMonths(result.months().stream().map(YearMonth::parse).toList());
            audit.record(actor, "POLICE_DATA_IMPORTED", null, result.imported() + " incidents imported for "
                    + String.join(", ", result.months()));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the police data", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the police data", e);
        }
    }

    private final class Run {
        private final Connection connection;
        private final CsvReader csv;
        private final Set<String> replaced = new HashSet<>();
        private final Set<String> months = new TreeSet<>();
        private final List<LineError> errors = new ArrayList<>();
        private final Timestamp now = Timestamp.from(calendar.now());
        private Map<String, Integer> columns;
        private int columnCount;
        private int imported;
        private int skipped;
        private int malformed;
        private int outside;
        private int pending;
        private PreparedStatement insert;

        Run(Connection connection, CsvReader csv) {
            this.connection = connection;
            this.csv = csv;
        }

        PoliceImportResult read() throws IOException, SQLException {
            columns = header(csv.next());
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO police_incident (force_name, month, "
                    + "crime_id, longitude, latitude, location, lsoa_code, lsoa_name, ward_code, imported_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert = statement;
                for (Row row = csv.next(); row != null; row = csv.next()) {
                    row(row);
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return new PoliceImportResult(imported, skipped, malformed, outside, List.copyOf(months), List.copyOf(errors));
        }

        private void row(Row row) throws SQLException {
            if (row.error() != null) {
                malformed(row.line(), row.error());
                return;
            }
            List<String> fields = row.fields();
            if (fields.size() != columnCount) {
                malformed(row.line(), "The row has " + fields.size() + " fields but the header has " + columnCount);
                return;
            }
            String force = field(fields, "Falls within");
            if (force.isEmpty() || force.length() > 120) {
                malformed(row.line(), "\"Falls within\" must name the force, in 120 characters or fewer");
                return;
            }
            YearMonth month;
            try {
                month = YearMonth.parse(field(fields, "Month"));
            } catch (DateTimeParseException e) {
                malformed(row.line(), "\"Month\" must be a year and month like 2024-03");
                return;
            }
            replace(force, month);
            if (!ASB.equalsIgnoreCase(field(fields, "Crime type"))) {
                skipped++;
                return;
            }
            Optional<String> problem = tooLong(fields);
            if (problem.isPresent()) {
                malformed(row.line(), problem.get());
                return;
            }
            String longitude = field(fields, "Longitude");
            String latitude = field(fields, "Latitude");
            BigDecimal lon = null;
            BigDecimal lat = null;
            if (!longitude.isEmpty() || !latitude.isEmpty()) {
                lon = coordinate(longitude, 180);
                lat = coordinate(latitude, 90);
                if (lon == null || lat == null) {
                    malformed(row.line(), "\"Longitude\" and \"Latitude\" must be numbers in degrees, or both empty");
                    return;
                }
            }
            String ward = lat == null ? null
                    : locator.locate(lat.doubleValue(), lon.doubleValue()).map(WardRef::code).orElse(null);
            insert(force, month, fields, lon, lat, ward);
        }

        private Map<String, Integer> header(Row row) {
            if (row == null || row.error() != null) {
                throw new InvalidSubmissionException("file", "The file has no header row. Send the street-level CSV as "
                        + "data.police.uk publishes it, starting with its header.");
            }
            Map<String, Integer> names = new HashMap<>();
            List<String> fields = row.fields();
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                names.putIfAbsent(name, i);
            }
            List<String> missing = new ArrayList<>();
            for (String required : REQUIRED) {
                if (!names.containsKey(required.toLowerCase(Locale.ROOT))) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidSubmissionException("file", "The header row lacks the column(s) " + String.join(", ", missing)
                        + ". Send the street-level CSV as data.police.uk publishes it.");
            }
            columnCount = fields.size();
            return names;
        }

        private String field(List<String> fields, String name) {
            Integer index = columns.get(name.toLowerCase(Locale.ROOT));
            return index == null ? "" : fields.get(index).strip();
        }

        private Optional<String> tooLong(List<String> fields) {
            if (field(fields, "Crime ID").length() > 100) {
                return Optional.of("\"Crime ID\" is longer than 100 characters");
            }
            if (field(fields, "Location").length() > 255) {
                return Optional.of("\"Location\" is longer than 255 characters");
            }
            if (field(fields, "LSOA code").length() > 16) {
                return Optional.of("\"LSOA code\" is longer than 16 characters");
            }
            if (field(fields, "LSOA name").length() > 120) {
                return Optional.of("\"LSOA name\" is longer than 120 characters");
            }
            return Optional.empty();
        }

        private void replace(String force, YearMonth month) throws SQLException {
            if (replaced.add(force + "\0" + month)) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM police_incident WHERE force_name = ? AND month = ?")) {
                    delete.setString(1, force);
                    delete.setDate(2, Date.valueOf(month.atDay(1)));
                    delete.executeUpdate();
                }
                months.add(month.toString());
            }
        }

        private void insert(String force, YearMonth month, List<String> fields, BigDecimal lon, BigDecimal lat, String ward)
                throws SQLException {
            insert.setString(1, force);
            insert.setDate(2, Date.valueOf(month.atDay(1)));
            insert.setString(3, emptyToNull(field(fields, "Crime ID")));
            insert.setBigDecimal(4, lon);
            insert.setBigDecimal(5, lat);
            insert.setString(6, emptyToNull(field(fields, "Location")));
            insert.setString(7, emptyToNull(field(fields, "LSOA code")));
            insert.setString(8, emptyToNull(field(fields, "LSOA name")));
            if (ward == null) {
                insert.setNull(9, Types.VARCHAR);
                outside++;
            } else {
                insert.setString(9, ward);
            }
            insert.setTimestamp(10, now);
            insert.addBatch();
            imported++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        private void malformed(int line, String message) {
            malformed++;
            skipped++;
            if (errors.size() < config.maxImportErrors()) {
                errors.add(new LineError(line, message));
            }
        }
    }

    private static BigDecimal coordinate(String text, int limit) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                return null;
            }
            return value.setScale(6, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
