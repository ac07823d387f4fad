package org.asbportal.figures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.asbportal.ward.Places;
import org.asbportal.ward.Places.Kind;
import org.asbportal.ward.Places.NewPlace;

/**
 * The streets of the gazetteer, from the police-recorded incidents: data.police.uk names the street
 * of each anonymised point ("On or near Mill Street"). Each street in each ward is one place, at the
 * middle of its incidents' points. The kinds of place the police name instead of a street ("On or
 * near Supermarket", "On or near Park/Open Space") are left out: there are many of each.
 */
@ApplicationScoped
public class PoliceStreets {

    private static final Pattern ON_OR_NEAR = Pattern.compile("^on or near\\s+", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_STREETS = Set.of("shopping area", "supermarket", "parking area", "nightclub",
            "police station", "petrol station", "pedestrian subway", "hospital", "sports recreation area", "park open space",
            "bus coach station", "theatre concert hall", "conference exhibition centre", "further higher educational building",
            "airport airfield", "prison", "church", "hotel", "pub", "school", "university", "cinema", "mosque", "synagogue",
            "shopping centre", "retail park", "train station", "railway station", "car park", "no location");

    private final Places places;
    private final AgroalDataSource dataSource;

    public PoliceStreets(Places places, AgroalDataSource dataSource) {
        this.places = places;
        this.dataSource = dataSource;
    }

    /**
     * Police data imported before the gazetteer existed gives it its streets at the first start: the
     * next import would otherwise be the first to.
     */
    void fillOnStart(@Observes StartupEvent start) {
        try {
            if (places.count(Places.POLICE) > 0) {
                return;
            }
            int made = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return rebuild(connection);
                }
            });
            if (made > 0) {
                Log.infof("The gazetteer has %d streets from the police data", made);
            }
        } catch (RuntimeException e) {
            // Never what stops a start: another replica starting at the same moment may have done it, and
            // a database not migrated yet is the start-up checks' to report. The next import does it otherwise.
            Log.warnf("The gazetteer's streets could not be made from the police data at start: %s", e.getMessage());
        }
    }

    /** Makes the police streets of the gazetteer again from the incidents, in the caller's connection; returns how many. */
    public int rebuild(Connection connection) throws SQLException {
        List<NewPlace> streets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT location, ward_code, AVG(latitude), AVG(longitude) "
                + "FROM police_incident WHERE location IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL "
                + "GROUP BY location, ward_code ORDER BY location, ward_code");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String name = street(rows.getString(1));
                if (name == null) {
                    continue;
                }
                streets.add(new NewPlace(Kind.STREET, name, rows.getBigDecimal(3).setScale(6, RoundingMode.HALF_UP),
                        rows.getBigDecimal(4).setScale(6, RoundingMode.HALF_UP), rows.getString(2)));
            }
        }
        return places.replace(connection, Places.POLICE, streets);
    }

    /**
     * The street a police location names, tidied ("St Cuthbert'S Street" becomes "St Cuthbert's
     * Street"), or null for a kind of place rather than a street.
     */
    static String street(String location) {
        String name = ON_OR_NEAR.matcher(location.strip()).replaceFirst("").strip();
        String key = Places.streetKey(name);
        if (key.isEmpty() || NOT_STREETS.contains(key) || name.contains("/")) {
            return null;
        }
        return name.replaceAll("'S\\b", "'s").replaceAll("\\s+", " ");
    }
}
