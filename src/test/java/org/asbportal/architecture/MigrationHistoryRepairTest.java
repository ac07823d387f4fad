package org.asbportal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.asbportal.web.MigrationHistoryRepair;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database migrated before V008 was renumbered V007 and before V003 was edited still starts: the
 * repair brings its history into line, where Flyway alone refuses it. Runs the real migrations on a
 * scratch database of the local MariaDB.
 */
class MigrationHistoryRepairTest {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String DATABASE = "asb_migration_repair_test";
    /** A second scratch database, migrated with four migrations under other numbers. */
    private static final String RENUMBERED = "asb_migration_renumbered_test";

    @BeforeAll
    static void migrateAsAnEarlyBuildDid() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, "root", ""); Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        flyway(false).migrate();
        try (Connection db = connection(); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE flyway_schema_history SET version = '008', "
                    + "script = 'db/migration/V008__queue_counts.sql' WHERE version = '007'");
            sql.executeUpdate("UPDATE flyway_schema_history SET checksum = -1090951778 WHERE version = '003'");
            sql.execute("ALTER TABLE queue_item MODIFY COLUMN risk_rank TINYINT NOT NULL DEFAULT 0");
        }
    }

    @AfterAll
    static void dropTheScratchDatabase() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, "root", ""); Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("DROP DATABASE IF EXISTS " + RENUMBERED);
        }
    }

    @Test
    void anEarlyDatabaseStartsOnceItsHistoryIsRepaired() throws SQLException {
        assertThat(flyway(false).validateWithResult().validationSuccessful)
                .as("Flyway alone refuses the early history").isFalse();

        flyway(true).migrate();

        assertThat(flyway(true).validateWithResult().validationSuccessful).isTrue();
        try (Connection db = connection(); Statement sql = db.createStatement()) {
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '007'"))
                    .isEqualTo("db/migration/V007__queue_counts.sql");
            assertThat(single(sql, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '008'")).isEqualTo("0");
            assertThat(single(sql, "SELECT DATA_TYPE FROM information_schema.columns WHERE table_schema = '" + DATABASE
                    + "' AND table_name = 'queue_item' AND column_name = 'risk_rank'")).isEqualTo("int");
        }
    }

    /**
     * A database some builds migrated with seven migrations under other numbers (duplicate indexes as
     * V017, API tokens V018, reference data version V019, queue item ward and kind V020, job lease V021,
     * safe contact V022, category hints V023) starts: the rows take the numbers the migrations landed with.
     */
    @Test
    void aDatabaseMigratedUnderTheOtherNumbersStartsOnceItsHistoryIsRepaired() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER, "root", ""); Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + RENUMBERED);
            sql.execute("CREATE DATABASE " + RENUMBERED + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        flyway(RENUMBERED, false).migrate();
        Map<String, String> otherNumbers = Map.of("019", "V017__report_duplicate_indexes.sql", "020", "V018__api_token.sql",
                "018", "V019__reference_data_version.sql", "021", "V020__queue_item_ward_category.sql",
                "022", "V021__job_lease.sql", "023", "V022__report_safe_contact.sql", "024", "V023__category_hints.sql");
        try (Connection db = connection(RENUMBERED); Statement sql = db.createStatement()) {
            // Moved out of the way first: the numbers are swapped among themselves.
            sql.executeUpdate("UPDATE flyway_schema_history SET version = CONCAT('x', version) WHERE version IN ('018', '019', '020', '021', '022', '023', '024')");
            for (Map.Entry<String, String> row : otherNumbers.entrySet()) {
                String applied = row.getValue();
                sql.executeUpdate("UPDATE flyway_schema_history SET version = '" + applied.substring(1, 4) + "', script = 'db/migration/"
                        + applied + "' WHERE version = 'x" + row.getKey() + "'");
            }
        }
        assertThat(flyway(RENUMBERED, false).validateWithResult().validationSuccessful)
                .as("Flyway alone refuses the history with the other numbers").isFalse();

        flyway(RENUMBERED, true).migrate();

        assertThat(flyway(RENUMBERED, true).validateWithResult().validationSuccessful).isTrue();
        try (Connection db = connection(RENUMBERED); Statement sql = db.createStatement()) {
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '018'"))
                    .isEqualTo("db/migration/V018__reference_data_version.sql");
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '019'"))
                    .isEqualTo("db/migration/V019__report_duplicate_indexes.sql");
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '020'"))
                    .isEqualTo("db/migration/V020__api_token.sql");
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '021'"))
                    .isEqualTo("db/migration/V021__queue_item_ward_category.sql");
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '022'"))
                    .isEqualTo("db/migration/V022__job_lease.sql");
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '023'"))
                    .isEqualTo("db/migration/V023__report_safe_contact.sql");
            assertThat(single(sql, "SELECT script FROM flyway_schema_history WHERE version = '024'"))
                    .isEqualTo("db/migration/V024__category_hints.sql");
            assertThat(single(sql, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '017'")).isEqualTo("0");
        }
    }

    private static Flyway flyway(boolean repair) {
        return flyway(DATABASE, repair);
    }

    private static Flyway flyway(String database, boolean repair) {
        var configuration = Flyway.configure()
                .dataSource(SERVER + database, "root", "")
                .locations("filesystem:migrations")
                .table("flyway_schema_history");
        if (repair) {
            configuration.callbacks(new MigrationHistoryRepair.Repair());
        }
        return configuration.load();
    }

    private static Connection connection() throws SQLException {
        return connection(DATABASE);
    }

    private static Connection connection(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "root", "");
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
