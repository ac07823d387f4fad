package org.asbportal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static Flyway flyway(boolean repair) {
        var configuration = Flyway.configure()
                .dataSource(SERVER + DATABASE, "root", "")
                .locations("filesystem:migrations")
                .table("flyway_schema_history");
        if (repair) {
            configuration.callbacks(new MigrationHistoryRepair.Repair());
        }
        return configuration.load();
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, "root", "");
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
