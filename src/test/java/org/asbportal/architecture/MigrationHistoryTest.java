package org.asbportal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Migrations are history. Every versioned migration that has landed is listed with its SHA-256 in
 * {@code landed-migrations.sha256}: renaming or editing one fails here, because Flyway would refuse to
 * start against a database that already ran it. A new migration is added to the list when it lands.
 */
class MigrationHistoryTest {

    private static final Path MIGRATIONS = Path.of("migrations");

    @Test
    void noLandedMigrationIsRenamedOrEdited() throws IOException {
        Map<String, String> landed = landed();
        assertThat(landed).isNotEmpty();
        for (Map.Entry<String, String> migration : landed.entrySet()) {
            Path file = MIGRATIONS.resolve(migration.getKey());
            assertThat(file).as("%s has landed: it may not be renamed or removed; add a new migration instead",
                    migration.getKey()).exists();
            assertThat(sha256(file)).as("%s has landed: it may not be edited; add a new migration instead",
                    migration.getKey()).isEqualTo(migration.getValue());
        }
    }

    @Test
    void everyMigrationIsListedWhenItLands() throws IOException {
        Map<String, String> landed = landed();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<String> unlisted = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .filter(name -> !landed.containsKey(name))
                    .sorted()
                    .toList();
            assertThat(unlisted).as("migrations to number after the highest on main and add to landed-migrations.sha256 "
                    + "(sha256sum migrations/NEW.sql)").isEmpty();
        }
    }

    @Test
    void versionsAreUnique() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<String> versions = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("V") && name.contains("__"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .toList();
            assertThat(versions).doesNotHaveDuplicates();
        }
    }

    private static Map<String, String> landed() throws IOException {
        Map<String, String> landed = new LinkedHashMap<>();
        try (InputStream in = MigrationHistoryTest.class.getResourceAsStream("/landed-migrations.sha256")) {
            assertThat(in).as("landed-migrations.sha256 on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length == 2 && !line.startsWith("#")) {
                    landed.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
                }
            }
        }
        return landed;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
