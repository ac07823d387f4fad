package org.asbportal.ward;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gazetteer residents search to say where something happened (table {@code place}): streets with
 * a point, built from police-recorded incidents, and postcodes from an extract of the ONS Postcode
 * Directory. A search by street matches the start of any word of the name; a search by postcode
 * matches its start, so "MK40" lists the postcodes of that district. A description a resident typed
 * ("outside 12 Mill Street") is matched against the streets to find its ward when nothing else does.
 */
@ApplicationScoped
public class Places {

    /** What a place is. */
    public enum Kind { STREET, POSTCODE }

    /** Where each place came from: its rows are replaced together. */
    public static final String POLICE = "POLICE";
    public static final String POSTCODES = "ONSPD";

    /** What {@link WardsReplaced} calls the places it moves. */
    public static final String PLACES = "places";

    /** The longest search looked at, in characters. */
    public static final int MAX_QUERY = 100;

    private static final Pattern POSTCODE_START = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{0,2})?$");
    private static final Pattern POSTCODE_IN_TEXT = Pattern.compile("\\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\\b");
    private static final int BATCH = 1000;

    /** A place to choose, as a resident sees it: "Mill Street, Castle ward". */
    public record Place(long id, Kind kind, String name, String wardCode, String wardName, BigDecimal latitude,
            BigDecimal longitude) {

        /** The name with its ward, or "ward not known" when its point is in none. */
        public String label() {
            return name + ", " + (wardName == null ? "ward not known" : wardName + " ward");
        }
    }

    /** A place to store: its name as shown, and its point. */
    public record NewPlace(Kind kind, String name, BigDecimal latitude, BigDecimal longitude, String wardCode) {
    }

    private final AgroalDataSource dataSource;
    private final WardService wards;
    private final WardLocator locator;

    public Places(AgroalDataSource dataSource, WardService wards, WardLocator locator) {
        this.dataSource = dataSource;
        this.wards = wards;
        this.locator = locator;
    }

    /** The places matching what a resident typed, at most {@code limit}, best first; none for fewer than 2 letters. */
    public List<Place> search(String query, int limit) {
        if (query == null) {
            return List.of();
        }
        String text = query.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        String postcode = postcodeKey(text);
        if (POSTCODE_START.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
            return select("SELECT id, kind, name, ward_code, latitude, longitude FROM place WHERE kind = ? AND name_key LIKE ? "
                    + "ORDER BY name_key LIMIT ?", Kind.POSTCODE.name(), like(postcode) + "%", limit);
        }
        String key = streetKey(text);
        if (key.length() < 2) {
            return List.of();
        }
        String words = like(key);
        return select("SELECT id, kind, name, ward_code, latitude, longitude FROM place WHERE kind = ? "
                + "AND (name_key LIKE ? OR name_key LIKE ?) ORDER BY name_key LIKE ? DESC, name, ward_code LIMIT ?",
                Kind.STREET.name(), words + "%", "% " + words + "%", words + "%", limit);
    }

    /** The place with this id. */
    public Optional<Place> find(long id) {
        return select("SELECT id, kind, name, ward_code, latitude, longitude FROM place WHERE id = ?", id).stream().findFirst();
    }

    /**
     * The ward of the place a description names, when the gazetteer knows it for certain: a whole
     * postcode in the text, or else the longest street name it contains, when that street lies in one
     * ward only. Empty when it names none, or a street in several wards.
     */
    public Optional<String> wardOfDescription(String description) {
        if (description == null || description.isBlank()) {
            return Optional.empty();
        }
        Matcher postcode = POSTCODE_IN_TEXT.matcher(description.toUpperCase(Locale.ROOT));
        while (postcode.find()) {
            List<Place> found = select("SELECT id, kind, name, ward_code, latitude, longitude FROM place WHERE kind = ? "
                    + "AND name_key = ? AND ward_code IS NOT NULL", Kind.POSTCODE.name(), postcode.group(1) + postcode.group(2));
            if (!found.isEmpty()) {
                return Optional.of(found.get(0).wardCode());
            }
        }
        String text = " " + streetKey(description) + " ";
        if (text.isBlank()) {
            return Optional.empty();
        }
        List<Place> streets = select("SELECT id, kind, name, ward_code, latitude, longitude FROM place WHERE kind = ? "
                + "AND ? LIKE CONCAT('% ', name_key, ' %') ORDER BY CHAR_LENGTH(name_key) DESC, ward_code",
                Kind.STREET.name(), text);
        if (streets.isEmpty()) {
            return Optional.empty();
        }
        String longest = streetKey(streets.get(0).name());
        List<String> wardsOfIt = streets.stream().filter(p -> streetKey(p.name()).equals(longest))
                .map(Place::wardCode).distinct().toList();
        return wardsOfIt.size() == 1 ? Optional.ofNullable(wardsOfIt.get(0)) : Optional.empty();
    }

    /**
     * Replaces every place from {@code source} with {@code places}, whose wards are final (a place
     * without one is in no ward), in the caller's connection and transaction. Returns how many were
     * stored.
     */
    public int replace(Connection connection, String source, List<NewPlace> places) throws SQLException {
        clear(connection, source);
        return add(connection, source, places, false);
    }

    /** Removes every place from {@code source}, in the caller's connection and transaction. */
    public void clear(Connection connection, String source) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM place WHERE source = ?")) {
            delete.setString(1, source);
            delete.executeUpdate();
        }
    }

    /**
     * Adds {@code places} from {@code source}, in the caller's connection and transaction; returns how
     * many. A ward code that is not one of the wards stored is dropped; then, when {@code locate}, the
     * place goes in the ward its point is in.
     */
    public int add(Connection connection, String source, List<NewPlace> places, boolean locate) throws SQLException {
        // Read in the caller's transaction: while the wards are being replaced, the new ones are only there.
        Set<String> known = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT code FROM ward"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        }
        int stored = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO place (kind, name, name_key, ward_code, "
                + "latitude, longitude, source) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (NewPlace place : places) {
                String ward = place.wardCode() != null && known.contains(place.wardCode()) ? place.wardCode()
                        : locate ? locator.locate(place.latitude().doubleValue(), place.longitude().doubleValue())
                                .map(WardRef::code).filter(known::contains).orElse(null) : null;
                insert.setString(1, place.kind().name());
                insert.setString(2, place.name());
                insert.setString(3, place.kind() == Kind.POSTCODE ? postcodeKey(place.name()) : streetKey(place.name()));
                insert.setString(4, ward);
                insert.setBigDecimal(5, place.latitude());
                insert.setBigDecimal(6, place.longitude());
                insert.setString(7, source);
                insert.addBatch();
                stored++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return stored;
    }

    /** How many places {@code source} gave. */
    public long count(String source) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM place WHERE source = ?")) {
            statement.setString(1, source);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the places", e);
        }
    }

    /** The places go into the wards their points are in, before the features that rebuild theirs from them. */
    void reassign(@Observes @Priority(90) WardsReplaced replaced) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            replaced.reassign(connection, "place", PLACES);
        }
    }

    /** A street name as searched: lower case, letters and digits only, single spaces. */
    public static String streetKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A postcode as searched: capitals without spaces. */
    public static String postcodeKey(String postcode) {
        return postcode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /**
     * A UK postcode written as the Royal Mail writes it ("MK40 1AA"), or empty when {@code text} is not
     * one.
     */
    public static Optional<String> postcode(String text) {
        String key = text == null ? "" : postcodeKey(text);
        if (!key.matches("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")) {
            return Optional.empty();
        }
        return Optional.of(key.substring(0, key.length() - 3) + " " + key.substring(key.length() - 3));
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<Place> select(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Place> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String ward = rows.getString("ward_code");
                    found.add(new Place(rows.getLong("id"), Kind.valueOf(rows.getString("kind")), rows.getString("name"), ward,
                            wards.find(ward).map(WardRef::name).orElse(null), rows.getBigDecimal("latitude"),
                            rows.getBigDecimal("longitude")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search the places", e);
        }
    }
}
