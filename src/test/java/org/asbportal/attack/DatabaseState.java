package org.asbportal.attack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Everything the portal keeps, as one comparable value: MariaDB's live checksum of every table.
 * Two equal states mean no row was added, removed or changed anywhere in between.
 */
final class DatabaseState {

    private final DataSource dataSource;

    DatabaseState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Table name to checksum, for every table but Flyway's history. */
    Map<String, Long> checksums() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW TABLES")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (!table.equals("flyway_schema_history")) {
                        tables.add(table);
                    }
                }
            }
            Map<String, Long> sums = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE " + String.join(", ", tables))) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    sums.put(table.substring(table.indexOf('.') + 1), rows.getLong(2));
                }
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows of a table, read with plain JDBC. */
    long count(String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, as a number. */
    long number(String sql) {
        return ((Number) first(sql)).longValue();
    }

    /** The first column of the first row of a query, as text. */
    String string(String sql) {
        Object value = first(sql);
        return value == null ? null : value.toString();
    }

    private Object first(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("No row for " + sql);
            }
            return rows.getObject(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tables whose checksum differs between two states. */
    static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, sum) -> {
            if (!sum.equals(before.get(table))) {
                changed.add(table);
            }
        });
        before.keySet().stream().filter(t -> !after.containsKey(t)).forEach(changed::add);
        return changed;
    }
}
