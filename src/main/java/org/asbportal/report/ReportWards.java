package org.asbportal.report;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;

import org.asbportal.ward.WardAdminService;
import org.asbportal.ward.WardsReplaced;

/** Reports with a map point are placed in the ward their point is in when the wards are replaced, before anything counts them. */
@ApplicationScoped
public class ReportWards {

    private final AgroalDataSource dataSource;

    public ReportWards(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void reassign(@Observes @Priority(100) WardsReplaced replaced) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            replaced.reassign(connection, "report", WardAdminService.REPORTS);
        }
    }
}
