package org.asbportal.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;

import org.asbportal.retention.RetentionService.Counts;
import org.asbportal.web.Calendar;

/**
 * The one way personal data is removed, whether the retention schedule asks for it or an
 * administrator erases a person's data on request: in the caller's transaction, by record id, and in
 * a dry run only counted. What the figures count stays (kinds, wards, dates, risk, outcomes, statuses,
 * decisions and the shape of each history), so no figure moves.
 */
@ApplicationScoped
class Anonymiser {

    private final Calendar calendar;
    private final EntityManager entities;

    Anonymiser(Calendar calendar, EntityManager entities) {
        this.calendar = calendar;
        this.entities = entities;
    }

    /**
     * Reports: the reporter's name and contact details (and with them the keys that match a victim's
     * other reports) cleared, free text replaced, the point cleared, equality answers and evidence
     * files deleted, what the victim added replaced in the history, whose entries stay, and the text
     * of letters sent, case reviews and actions replaced.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Counts reports(List<Long> ids, boolean dryRun) {
        if (ids.isEmpty()) {
            return new Counts(0, 0, 0, 0, 0);
        }
        int equality = count("SELECT COUNT(*) FROM equality_monitoring WHERE report_id IN (?1)", ids);
        int evidence = count("SELECT COUNT(*) FROM report_evidence WHERE report_id IN (?1)", ids);
        int additions = count("SELECT COUNT(*) FROM report_event WHERE actor = 'victim' AND message <> ?2 AND report_id IN (?1)",
                ids);
        if (!dryRun) {
            execute("DELETE FROM equality_monitoring WHERE report_id IN (?1)", ids);
            execute("DELETE FROM report_evidence WHERE report_id IN (?1)", ids); // its content goes with it (ON DELETE CASCADE)
            execute("UPDATE report_event SET message = ?2 WHERE actor = 'victim' AND message <> ?2 AND report_id IN (?1)", ids);
            // What staff wrote that names or describes people: letters as sent (recipient's name and
            // address), case review notes, and the text of actions. Their kinds, dates and results stay.
            execute("UPDATE case_letter SET body = ?2 WHERE body <> ?2 AND report_id IN (?1)", ids);
            execute("UPDATE case_review SET note = ?2 WHERE note <> ?2 AND report_id IN (?1)", ids);
            execute("UPDATE case_action SET description = ?2, result = CASE WHEN result IS NULL THEN NULL ELSE ?2 END "
                    + "WHERE description <> ?2 AND report_id IN (?1)", ids);
            entities.createNativeQuery("""
                    UPDATE report r SET reporter_name = NULL, reporter_email = NULL, reporter_phone = NULL,
                        preferred_contact = NULL, safe_contact = NULL, safe_contact_times = NULL,
                        description = ?2, people_involved = CASE WHEN people_involved IS NULL THEN NULL ELSE ?2 END,
                        location_description = ?2, latitude = NULL, longitude = NULL, anonymised_at = ?3, version = version + 1
                    WHERE r.id IN (?1)""")
                    .setParameter(1, ids).setParameter(2, RetentionService.REMOVED).setParameter(3, calendar.now())
                    .executeUpdate();
        }
        return new Counts(ids.size(), equality, evidence, additions, 0);
    }

    /**
     * Community Trigger applications: the applicant's name and contact details, the victim's name and
     * the free text of the application, the meeting and the outcome replaced or cleared, and an
     * applicant's own request for a second look replaced. Statuses, dates, the threshold decision,
     * complaints' verdicts and recommendations stay, so the case-review figures do not change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int applications(List<Long> ids, boolean dryRun) {
        if (ids.isEmpty() || dryRun) {
            return ids.size();
        }
        execute("UPDATE trigger_escalation SET reason = ?2 WHERE requested_by = 'applicant' AND application_id IN (?1)", ids);
        entities.createNativeQuery("""
                UPDATE trigger_application SET applicant_name = ?2, applicant_email = NULL, applicant_phone = NULL,
                    on_behalf_of_name = CASE WHEN on_behalf_of_name IS NULL THEN NULL ELSE ?2 END,
                    on_behalf_of_relationship = CASE WHEN on_behalf_of_relationship IS NULL THEN NULL ELSE ?2 END,
                    description = ?2, impact = ?2,
                    outcome_wanted = CASE WHEN outcome_wanted IS NULL THEN NULL ELSE ?2 END,
                    impact_statement = CASE WHEN impact_statement IS NULL THEN NULL ELSE ?2 END,
                    findings = CASE WHEN findings IS NULL THEN NULL ELSE ?2 END,
                    outcome_summary = CASE WHEN outcome_summary IS NULL THEN NULL ELSE ?2 END,
                    anonymised_at = ?3, version = version + 1
                WHERE id IN (?1)""")
                .setParameter(1, ids).setParameter(2, RetentionService.REMOVED).setParameter(3, calendar.now())
                .executeUpdate();
        return ids.size();
    }

    /**
     * Perpetrators' records: the name replaced, aliases, date of birth, address, description, notes
     * and equality answers cleared; their links to cases stay, so repeat counts do not change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int perpetrators(List<Long> ids, boolean dryRun) {
        if (ids.isEmpty() || dryRun) {
            return ids.size();
        }
        entities.createNativeQuery("""
                UPDATE perpetrator SET name = ?2, aliases = NULL, date_of_birth = NULL, address = NULL, description = NULL,
                    notes = NULL, age_band = NULL, sex = NULL, ethnicity = NULL, disability = NULL, anonymised_at = ?3,
                    version = version + 1
                WHERE id IN (?1)""")
                .setParameter(1, ids).setParameter(2, RetentionService.REMOVED).setParameter(3, calendar.now())
                .executeUpdate();
        return ids.size();
    }

    /**
     * PLEDGE contacts, with their sign-in links and sessions; an organisation left with no contact and
     * no assessment goes too. Assessments stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int contacts(List<Long> ids, boolean dryRun) {
        if (ids.isEmpty() || dryRun) {
            return ids.size();
        }
        @SuppressWarnings("unchecked")
        List<Long> organisations = ((List<Number>) query("SELECT DISTINCT organisation_id FROM pledge_contact WHERE id IN (?1)", ids)
                .getResultList()).stream().map(Number::longValue).toList();
        execute("DELETE FROM pledge_link WHERE contact_id IN (?1)", ids);
        execute("DELETE FROM pledge_session WHERE contact_id IN (?1)", ids);
        int deleted = execute("DELETE FROM pledge_contact WHERE id IN (?1)", ids);
        if (!organisations.isEmpty()) {
            execute("""
                    DELETE FROM pledge_organisation WHERE id IN (?1)
                      AND NOT EXISTS (SELECT 1 FROM pledge_contact c WHERE c.organisation_id = pledge_organisation.id)
                      AND NOT EXISTS (SELECT 1 FROM pledge_assessment a WHERE a.organisation_id = pledge_organisation.id)""",
                    organisations);
        }
        return deleted;
    }

    /** Emails in the outbox, sent or not, with their text. */
    @Transactional(Transactional.TxType.MANDATORY)
    int messages(List<Long> ids, boolean dryRun) {
        if (ids.isEmpty() || dryRun) {
            return ids.size();
        }
        return execute("DELETE FROM outbox_message WHERE id IN (?1)", ids);
    }

    private int count(String sql, List<Long> ids) {
        return ((Number) query(sql, ids).getSingleResult()).intValue();
    }

    private int execute(String sql, List<Long> ids) {
        return query(sql, ids).executeUpdate();
    }

    private Query query(String sql, List<Long> ids) {
        Query query = entities.createNativeQuery(sql).setParameter(1, ids);
        if (sql.contains("?2")) {
            query.setParameter(2, RetentionService.REMOVED);
        }
        return query;
    }
}
