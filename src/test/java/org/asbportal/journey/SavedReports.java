package org.asbportal.journey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Reads what the portal saved, with plain JDBC: the tests check real rows, not just pages. */
final class SavedReports {

    /** The columns of a report row the journey tests look at. */
    record ReportRow(long id, String reference, String categoryCode, String description, String peopleInvolved,
            LocalDate occurredOn, LocalTime occurredTime, boolean stillHappening, String frequency,
            String locationDescription, String town, String wardCode, boolean anonymous, String reporterRole,
            String reporterName, String reporterEmail, String reporterPhone, String preferredContact,
            boolean consentToShare, String riskLevel, String channel) {
    }

    /** A report's queue item, with its queue. */
    record QueueRow(String queueCode, String queueName, String status) {
    }

    /** A report's equality monitoring answers. */
    record EqualityRow(String ageBand, String sex, String ethnicity, String disability) {
    }

    private final DataSource dataSource;

    SavedReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<ReportRow> byReference(String reference) {
        String sql = "SELECT id, reference, category_code, description, people_involved, occurred_on, occurred_time,"
                + " still_happening, frequency, location_description, town, ward_code, anonymous, reporter_role,"
                + " reporter_name, reporter_email, reporter_phone, preferred_contact, consent_to_share, risk_level,"
                + " channel FROM report WHERE reference = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, reference);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReportRow(row.getLong("id"), row.getString("reference"),
                        row.getString("category_code"), row.getString("description"), row.getString("people_involved"),
                        row.getObject("occurred_on", LocalDate.class), row.getObject("occurred_time", LocalTime.class),
                        row.getBoolean("still_happening"), row.getString("frequency"),
                        row.getString("location_description"), row.getString("town"), row.getString("ward_code"),
                        row.getBoolean("anonymous"), row.getString("reporter_role"), row.getString("reporter_name"),
                        row.getString("reporter_email"), row.getString("reporter_phone"),
                        row.getString("preferred_contact"), row.getBoolean("consent_to_share"),
                        row.getString("risk_level"), row.getString("channel")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long countWithReference(String reference) {
        return count("SELECT COUNT(*) FROM report WHERE reference = ?", reference);
    }

    long countAll() {
        return count("SELECT COUNT(*) FROM report");
    }

    /** The name of the partner agency that works the queue {@code queueCode}. */
    String organisationOfQueue(String queueCode) {
        String sql = "SELECT o.name FROM triage_queue q JOIN organisation o ON o.id = q.organisation_id WHERE q.code = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, queueCode);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<QueueRow> queueItemsOf(long reportId) {
        String sql = "SELECT q.code, q.name, i.status FROM queue_item i JOIN triage_queue q ON q.id = i.queue_id"
                + " WHERE i.report_id = ?";
        List<QueueRow> items = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, reportId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    items.add(new QueueRow(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return items;
    }

    Optional<EqualityRow> equalityOf(long reportId) {
        String sql = "SELECT age_band, sex, ethnicity, disability FROM equality_monitoring WHERE report_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, reportId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new EqualityRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the agencies in the directory, in the order the contact page lists them. */
    List<String> agencyNames() {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT name FROM agency ORDER BY sort_order, name");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private long count(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
