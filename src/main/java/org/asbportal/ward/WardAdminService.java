package org.asbportal.ward;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.asbportal.security.AuditLog;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.ReferenceData;

/**
 * Replaces the partnership's wards with a new set of boundaries: wards in the new set are added or
 * updated (their councillors' grants and populations kept), the others removed, and every feature
 * keeping rows placed in wards re-places them ({@link WardsReplaced}: portal reports with a map point,
 * police-recorded incidents). The ward look-up is reloaded once the change is committed.
 */
@ApplicationScoped
public class WardAdminService {

    /** What a replacement did. */
    public record WardReplaceResult(int wards, int removed, int reportsReassigned, int policeReassigned) {
    }

    /** What {@link WardsReplaced} calls the rows it moves: portal reports and police-recorded incidents. */
    public static final String REPORTS = "reports";
    public static final String POLICE = "police";

    private final AgroalDataSource dataSource;
    private final WardLocator locator;
    private final AuditLog audit;
    private final Event<WardsReplaced> wardsReplaced;
    private final ReferenceData reference;

    public WardAdminService(AgroalDataSource dataSource, WardLocator locator, AuditLog audit, Event<WardsReplaced> wardsReplaced,
            ReferenceData reference) {
        this.wardsReplaced = wardsReplaced;
        this.reference = reference;
        this.dataSource = dataSource;
        this.locator = locator;
        this.audit = audit;
    }

    /**
     * Replaces the wards with those of a GeoJSON FeatureCollection.
     *
     * @throws InvalidSubmissionException if a property name is missing or the GeoJSON cannot be used
     */
    public WardReplaceResult replace(String geojson, String codeProperty, String nameProperty, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (codeProperty == null || codeProperty.isBlank()) {
            errors.add(new FieldError("codeProperty", "Enter the name of the feature property that holds the ward code"));
        }
        if (nameProperty == null || nameProperty.isBlank()) {
            errors.add(new FieldError("nameProperty", "Enter the name of the feature property that holds the ward name"));
        }
        if (geojson == null || geojson.isBlank()) {
            errors.add(new FieldError("boundaries", "Send the ward boundaries as a GeoJSON FeatureCollection"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        WardBoundaries boundaries;
        try {
            boundaries = WardBoundaries.fromFeatureCollection(geojson, codeProperty.strip(), nameProperty.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubmissionException("boundaries", "The boundaries cannot be used: " + e.getMessage());
        }
        if (boundaries.shapes().isEmpty()) {
            throw new InvalidSubmissionException("boundaries", "The FeatureCollection has no wards");
        }
        for (WardShape shape : boundaries.shapes()) {
            if (shape.code().length() > 16 || shape.name().length() > 120) {
                throw new InvalidSubmissionException("boundaries", "Ward codes must be 16 characters or fewer and "
                        + "names 120 or fewer: " + shape.code().substring(0, Math.min(16, shape.code().length())) + "…");
            }
        }
        WardReplaceResult result = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            Stored stored = store(boundaries);
            WardsReplaced replaced = new WardsReplaced(boundaries);
            wardsReplaced.fire(replaced);
            audit.record(actor, "WARDS_REPLACED", null, stored.wards() + " wards, " + stored.removed() + " removed");
            reference.changed(WardService.WARDS);
            return new WardReplaceResult(stored.wards(), stored.removed(), replaced.reassigned(REPORTS),
                    replaced.reassigned(POLICE));
        });
        locator.reload();
        return result;
    }

    private record Stored(int wards, int removed) {
    }

    private Stored store(WardBoundaries boundaries) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> codes = new HashSet<>();
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ward (code, name, boundary) "
                    + "VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), boundary = VALUES(boundary)")) {
                for (WardShape shape : boundaries.shapes()) {
                    codes.add(shape.code());
                    upsert.setString(1, shape.code());
                    upsert.setString(2, shape.name());
                    upsert.setString(3, shape.geometryGeoJson());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            int removed = 0;
            List<String> existing = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT code FROM ward");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ward WHERE code = ?")) {
                for (String code : existing) {
                    if (!codes.contains(code)) {
                        delete.setString(1, code);
                        removed += delete.executeUpdate();
                    }
                }
            }
            return new Stored(codes.size(), removed);
        }
    }
}
