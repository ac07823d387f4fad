package org.asbportal.ward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fired, synchronously and in the transaction that stores them, when the partnership's wards are
 * replaced: each feature that keeps rows placed in a ward gives them the ward their point is now in
 * ({@link #reassign}) and says how many moved.
 */
public final class WardsReplaced {

    private static final int BATCH = 1000;

    private final WardBoundaries boundaries;
    private final Map<String, Integer> reassigned = new ConcurrentHashMap<>();

    WardsReplaced(WardBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    /** How many rows of {@code what} ("reports", "police") a feature moved to another ward. */
    public int reassigned(String what) {
        return reassigned.getOrDefault(what, 0);
    }

    /**
     * Gives every row of the caller's own {@code table} (columns {@code id}, {@code latitude},
     * {@code longitude}, {@code ward_code}) the ward its point is in, a page at a time, and records
     * how many moved as {@code what}.
     */
    public void reassign(Connection connection, String table, String what) throws SQLException {
        int changed = 0;
        long after = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, latitude, longitude, ward_code FROM "
                + table + " WHERE id > ? AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id LIMIT " + BATCH);
                PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET ward_code = ? WHERE id = ?")) {
            while (true) {
                select.setLong(1, after);
                int read = 0;
                int pending = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        after = rows.getLong(1);
                        String ward = boundaries.locate(rows.getDouble(2), rows.getDouble(3)).map(WardRef::code).orElse(null);
                        if (!Objects.equals(ward, rows.getString(4))) {
                            update.setString(1, ward);
                            update.setLong(2, after);
                            update.addBatch();
                            pending++;
                        }
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                    changed += pending;
                }
                if (read < BATCH) {
                    reassigned.merge(what, changed, Integer::sum);
                    return;
                }
            }
        }
    }
}
