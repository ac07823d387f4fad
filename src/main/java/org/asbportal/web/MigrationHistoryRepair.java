package org.asbportal.web;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the migration history of a database migrated by an early build into line with the
 * migrations as they are now, before Flyway validates it. Two landed migrations were changed after
 * they landed, which Flyway would otherwise refuse to start with:
 * <ul>
 * <li>{@code V008__queue_counts.sql} was renumbered {@code V007} (its content unchanged): the history
 * row is renumbered the same way;</li>
 * <li>{@code V003__staff.sql} was edited to make {@code queue_item.risk_rank} an INT instead of a
 * TINYINT: the column is changed as the edited migration creates it, and the row takes its checksum;</li>
 * <li>seven migrations were applied, by some builds, under other numbers than the ones they landed
 * with, their content the same: duplicate indexes as V017, API tokens as V018, the reference data
 * version as V019, the queue item's ward and kind as V020, the job lease as V021, the safe-contact
 * answers as V022 and the category hints as V023. Their rows take the landed numbers, V019, V020,
 * V018, V021, V022, V023 and V024 ({@link #RENUMBERED}).</li>
 * </ul>
 * A database migrated from the current files is left alone. Migrations are never changed once they
 * land again ({@code MigrationHistoryTest} guards it), so this list stays as it is.
 */
@Singleton
public class MigrationHistoryRepair implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] callbacks = java.util.Arrays.copyOf(existing, existing.length + 1);
        callbacks[existing.length] = new Repair();
        configuration.callbacks(callbacks);
    }

    /** The Flyway callback itself, usable without Quarkus (as the tests do). */
    public static final class Repair implements Callback {

        /** The checksum Flyway recorded for V003 before it was edited, and the one it computes now. */
        static final int V003_BEFORE = -1090951778;
        static final int V003_NOW = 1028753664;

        /** Script applied under another number, and the number it landed with. */
        static final Map<String, String> RENUMBERED = Map.of(
                "V017__report_duplicate_indexes.sql", "019",
                "V018__api_token.sql", "020",
                "V019__reference_data_version.sql", "018",
                "V020__queue_item_ward_category.sql", "021",
                "V021__job_lease.sql", "022",
                "V022__report_safe_contact.sql", "023",
                "V023__category_hints.sql", "024");

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            String history = context.getConfiguration().getTable();
            try {
                Connection connection = context.getConnection();
                if (!exists(connection, history)) {
                    return;
                }
                try (Statement sql = connection.createStatement()) {
                    sql.executeUpdate("UPDATE " + history + " SET version = '007', "
                            + "script = REPLACE(script, 'V008__queue_counts.sql', 'V007__queue_counts.sql') "
                            + "WHERE version = '008' AND script LIKE '%V008__queue_counts.sql'");
                }
                renumber(connection, history);
                try (PreparedStatement old = connection.prepareStatement("SELECT COUNT(*) FROM " + history
                        + " WHERE version = '003' AND checksum = ?")) {
                    old.setInt(1, V003_BEFORE);
                    try (ResultSet rows = old.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) == 0) {
                            return;
                        }
                    }
                }
                try (Statement sql = connection.createStatement()) {
                    sql.executeUpdate("ALTER TABLE queue_item MODIFY COLUMN risk_rank INT NOT NULL DEFAULT 0");
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + history
                        + " SET checksum = ? WHERE version = '003' AND checksum = ?")) {
                    update.setInt(1, V003_NOW);
                    update.setInt(2, V003_BEFORE);
                    update.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not bring the migration history into line", e);
            }
        }

        /** Gives each row applied under another number the number its migration landed with (keyed by script). */
        private static void renumber(Connection connection, String history) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + history
                    + " SET version = ?, script = CONCAT(SUBSTRING(script, 1, LENGTH(script) - ?), ?)"
                    + " WHERE script LIKE ? AND version <> ?")) {
                for (Map.Entry<String, String> row : RENUMBERED.entrySet()) {
                    String applied = row.getKey();
                    String landed = "V" + row.getValue() + applied.substring(applied.indexOf("__"));
                    update.setString(1, row.getValue());
                    update.setInt(2, applied.length());
                    update.setString(3, landed);
                    update.setString(4, "%" + applied);
                    update.setString(5, row.getValue());
                    update.executeUpdate();
                }
            }
        }

        @Override
        public String getCallbackName() {
            return "migration-history-repair";
        }

        private static boolean exists(Connection connection, String table) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?")) {
                select.setString(1, table);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) > 0;
                }
            }
        }
    }
}
