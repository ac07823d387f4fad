package org.asbportal.ward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the ward a location is in, using the boundaries in the {@code ward} table. The boundaries are
 * read on first use and kept; call {@link #reload()} after the wards change.
 */
@ApplicationScoped
public class WardLocator {

    private static final String SELECT_WARDS =
            "SELECT code, name, boundary FROM ward WHERE boundary IS NOT NULL ORDER BY code";

    private final AgroalDataSource dataSource;
    private final Object lock = new Object();
    private volatile WardBoundaries boundaries;

    public WardLocator(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The ward containing the point, or empty if it is in none of the wards with a boundary.
     */
    public Optional<WardRef> locate(double latitude, double longitude) {
        return boundaries().locate(latitude, longitude);
    }

    /**
     * Reads the ward boundaries again from the database.
     */
    public void reload() {
        synchronized (lock) {
            boundaries = load();
        }
    }

    private WardBoundaries boundaries() {
        WardBoundaries current = boundaries;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (boundaries == null) {
                boundaries = load();
            }
            return boundaries;
        }
    }

    private WardBoundaries load() {
        List<WardShape> shapes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SELECT_WARDS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                shapes.add(new WardShape(rows.getString("code"), rows.getString("name"), rows.getString("boundary")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read ward boundaries", e);
        }
        WardBoundaries loaded = WardBoundaries.of(shapes);
        Log.infof("Loaded %d ward boundaries", shapes.size());
        return loaded;
    }
}
