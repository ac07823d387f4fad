package org.asbportal.ward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.asbportal.web.ReferenceDataChanges;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class WardLocatorTest {

    private static final String TEST_WARD_CODE = "T00000001";

    @Inject
    WardLocator locator;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bedfordWardsAreLoadedByTheMigration() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM ward WHERE boundary IS NOT NULL AND code LIKE 'E36%'");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            assertEquals(27, rows.getInt(1));
        }
    }

    @Test
    void bedfordPointsResolveToTheirWards() {
        assertEquals(Optional.of(new WardRef("E36001578", "Castle")), locator.locate(52.137122, -0.466377));
        assertEquals(Optional.of(new WardRef("E36001598", "Riseley")), locator.locate(52.2625, -0.4875));
    }

    @Test
    void pointOutsideBedfordIsInNoWard() {
        assertEquals(Optional.empty(), locator.locate(51.5072, -0.1276));
    }

    @Test
    void reloadPicksUpChangedWards() throws SQLException {
        execute("INSERT INTO ward (code, name, boundary) VALUES (?, 'Test ward', "
                + "'{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}')");
        try {
            locator.reload();
            assertEquals(Optional.of(new WardRef(TEST_WARD_CODE, "Test ward")), locator.locate(0.5, 0.5));
        } finally {
            execute("DELETE FROM ward WHERE code = ?");
            locator.reload();
            ReferenceDataChanges.changedElsewhere(dataSource, WardService.WARDS);
        }
        assertEquals(Optional.empty(), locator.locate(0.5, 0.5));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TEST_WARD_CODE);
            statement.executeUpdate();
        }
    }
}
