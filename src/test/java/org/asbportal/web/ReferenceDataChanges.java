package org.asbportal.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Reference data changed the way another replica changes it: the kind's counter goes up in the
 * database, and this replica's scheduled check (off in tests) is run at once.
 */
public final class ReferenceDataChanges {

    private ReferenceDataChanges() {
    }

    /** Adds one to the kind's counter, as an edit on another replica does, without checking it here. */
    public static void signal(AgroalDataSource dataSource, String kind) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement bump = connection.prepareStatement("INSERT INTO reference_data_version (kind, version) "
                        + "VALUES (?, 1) ON DUPLICATE KEY UPDATE version = version + 1")) {
            bump.setString(1, kind);
            bump.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs this replica's check of the counters now, as its schedule would. */
    public static void check() {
        Arc.container().instance(ReferenceData.class).get().check();
    }

    /** Signals the change and runs the check: the next read on this replica loads the kind again. */
    public static void changedElsewhere(AgroalDataSource dataSource, String kind) {
        signal(dataSource, kind);
        check();
    }
}
