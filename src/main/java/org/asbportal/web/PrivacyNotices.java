package org.asbportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The privacy notice and consent wording in force (table {@code privacy_notice_version}): the latest
 * version whose date has come. Submissions record its number; the notice page shows it with its date.
 */
@ApplicationScoped
@Named("privacyNotices")
public class PrivacyNotices {

    /** A version of the notice and of the explanation under the consent question. */
    public record Version(int id, String label, LocalDate effectiveFrom, String consentText) {
    }

    private final EntityManager entities;
    private final Calendar calendar;

    public PrivacyNotices(EntityManager entities, Calendar calendar) {
        this.entities = entities;
        this.calendar = calendar;
    }

    /** The version in force today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Version current() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("SELECT id, label, effective_from, consent_text FROM privacy_notice_version "
                + "WHERE effective_from <= ?1 ORDER BY effective_from DESC, id DESC LIMIT 1")
                .setParameter(1, Date.valueOf(calendar.today()))
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("No privacy notice version is in force: migration V041 adds the first");
        }
        Object[] row = rows.get(0);
        Object date = row[2];
        LocalDate effective = date instanceof Date d ? d.toLocalDate() : (LocalDate) date;
        return new Version(((Number) row[0]).intValue(), (String) row[1], effective, (String) row[3]);
    }
}
