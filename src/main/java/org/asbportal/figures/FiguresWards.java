package org.asbportal.figures;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;

import org.asbportal.ward.WardAdminService;
import org.asbportal.ward.WardsReplaced;

/**
 * When the wards are replaced, police-recorded incidents are placed in their new wards, the
 * gazetteer's streets are made again from them, and every count is made again, after the reports
 * have moved.
 */
@ApplicationScoped
public class FiguresWards {

    private final AgroalDataSource dataSource;
    private final WardCounts counts;
    private final PoliceStreets streets;

    public FiguresWards(AgroalDataSource dataSource, WardCounts counts, PoliceStreets streets) {
        this.streets = streets;
        this.dataSource = dataSource;
        this.counts = counts;
    }

    void reassign(@Observes @Priority(200) WardsReplaced replaced) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            replaced.reassign(connection, "police_incident", WardAdminService.POLICE);
            streets.rebuild(connection);
        }
        counts.rebuildAll();
    }
}
