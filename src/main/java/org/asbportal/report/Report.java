package org.asbportal.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.asbportal.report.ReportSubmission.ContactMethod;
import org.asbportal.report.ReportSubmission.Frequency;
import org.asbportal.report.ReportSubmission.Impact;
import org.asbportal.report.ReportSubmission.ReporterRole;
import org.asbportal.report.ReportSubmission.YesNoNotSure;
import org.asbportal.security.CaptchaResult;
import org.asbportal.category.Category;

/** A resident's report of anti-social behaviour. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reference;

    @Column(name = "access_code_hash")
    public String accessCodeHash;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_code")
    public Category category;

    public String description;

    @Column(name = "people_involved")
    public String peopleInvolved;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "occurred_time")
    public LocalTime occurredTime;

    @Column(name = "still_happening")
    public boolean stillHappening;

    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    @Column(name = "location_description")
    public String locationDescription;

    public String town;

    @Column(name = "ward_code")
    public String wardCode;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Enumerated(EnumType.STRING)
    @Column(name = "happened_before")
    public YesNoNotSure happenedBefore;

    @Column(name = "targeted_for_identity")
    public boolean targetedForIdentity;

    /** Comma-separated {@link ReportSubmission.Identity} names. */
    @Column(name = "targeted_because")
    public String targetedBecause;

    @Enumerated(EnumType.STRING)
    public Impact impact;

    @Column(name = "feels_unsafe_at_home")
    public boolean feelsUnsafeAtHome;

    @Column(name = "vulnerable_affected")
    public boolean vulnerableAffected;

    @Column(name = "young_people_involved")
    public boolean youngPeopleInvolved;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "risk_score")
    public int riskScore;

    /** Why the report got its risk level: one reason per line. */
    @Column(name = "risk_reasons")
    public String riskReasons;

    public boolean anonymous;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_role")
    public ReporterRole reporterRole;

    @Column(name = "reporter_name")
    public String reporterName;

    @Column(name = "reporter_email")
    public String reporterEmail;

    @Column(name = "reporter_phone")
    public String reporterPhone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact")
    public ContactMethod preferredContact;

    /** How it is safe to contact the reporter: SafeContact codes, comma separated; null when they did not say. */
    @Column(name = "safe_contact")
    public String safeContact;

    /** When it is safe to contact the reporter, in their words. */
    @Column(name = "safe_contact_times")
    public String safeContactTimes;

    @Column(name = "consent_to_share")
    public boolean consentToShare;

    /** The version of the privacy notice and consent wording in force when the report was sent. */
    @Column(name = "privacy_notice_version")
    public Integer privacyNoticeVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "captcha_outcome")
    public CaptchaResult.Outcome captchaOutcome;

    @Column(name = "possible_duplicate")
    public boolean possibleDuplicate;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    public int version;

    /** The reporter's email as compared for "same victim" (computed by the database; null when anonymous). */
    @Column(name = "victim_email_key", insertable = false, updatable = false)
    public String victimEmailKey;

    /** The reporter's phone, digits only with +44 as 0 (computed by the database; null when anonymous). */
    @Column(name = "victim_phone_key", insertable = false, updatable = false)
    public String victimPhoneKey;

    /** The described place as compared for possible duplicates (computed by the database). */
    @Column(name = "place_normalised", insertable = false, updatable = false)
    public String placeNormalised;

    public static Optional<Report> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public static Optional<Report> findByIdempotencyKey(String keyHash) {
        return find("idempotencyKey", keyHash).firstResultOptional();
    }

    /** A report that may be a possible duplicate: its id, its map point and its described place. */
    public record Nearby(long id, BigDecimal latitude, BigDecimal longitude, String locationDescription) {
    }

    /** What the duplicate check needs of a report: one narrow row, read without its kind or anything else. */
    public record DuplicateFacts(long id, String categoryCode, LocalDate occurredOn, BigDecimal latitude, BigDecimal longitude,
            String wardCode, String placeNormalised, String locationDescription) {

        boolean hasPoint() {
            return latitude != null && longitude != null;
        }
    }

    public static Optional<DuplicateFacts> findDuplicateFacts(String reference) {
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT id, category_code, occurred_on, latitude, longitude, "
                + "ward_code, place_normalised, location_description FROM report WHERE reference = ?1", Object[].class)
                .setParameter(1, reference)
                .getResultList();
        return rows.stream().findFirst().map(row -> new DuplicateFacts(((Number) row[0]).longValue(), (String) row[1],
                localDate(row[2]), (BigDecimal) row[3], (BigDecimal) row[4], (String) row[5], (String) row[6], (String) row[7]));
    }

    /**
     * The ids of the reports, newest first and at most {@code limit}, whose place or description has a
     * word starting with each of {@code words}: read from the full-text index on both (V030), in boolean
     * mode, each word a required prefix. Only letters and digits are accepted, so nothing a person typed
     * is ever read as a search operator.
     */
    public static List<Long> idsWithWords(List<String> words, int limit) {
        if (words.isEmpty() || words.stream().anyMatch(w -> !w.matches("[\\p{L}\\p{N}]+"))) {
            throw new IllegalArgumentException("words are letters and digits only");
        }
        String against = words.stream().map(w -> "+" + w + "*").collect(java.util.stream.Collectors.joining(" "));
        List<?> rows = getEntityManager().createNativeQuery("SELECT id FROM report "
                        + "WHERE MATCH (location_description, description) AGAINST (?1 IN BOOLEAN MODE) ORDER BY id DESC LIMIT ?2")
                .setParameter(1, against).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).toList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /**
     * Reports of a category that happened between two dates with a map point inside a box, other than
     * {@code excluded}: read from the index on category, date and point alone.
     */
    public static List<Nearby> findSameCategoryInBox(String categoryCode, LocalDate from, LocalDate to,
            BigDecimal minLatitude, BigDecimal maxLatitude, BigDecimal minLongitude, BigDecimal maxLongitude, long excluded) {
        // Plain SQL: it is run for every report received, and needs no translation from HQL.
        return nearby(getEntityManager().createNativeQuery("SELECT id, latitude, longitude FROM report "
                + "WHERE category_code = ?1 AND occurred_on BETWEEN ?2 AND ?3 "
                + "AND latitude BETWEEN ?4 AND ?5 AND longitude BETWEEN ?6 AND ?7 AND id <> ?8", Object[].class)
                .setParameter(1, categoryCode).setParameter(2, from).setParameter(3, to)
                .setParameter(4, minLatitude).setParameter(5, maxLatitude)
                .setParameter(6, minLongitude).setParameter(7, maxLongitude)
                .setParameter(8, excluded)
                .getResultList());
    }

    /**
     * Reports of a category in a ward (for a null ward, in no known ward) that happened between two
     * dates at the same described place (as the database normalises it), other than {@code excluded};
     * only those without a map point when {@code withoutPointOnly}.
     */
    public static List<Nearby> findSameCategoryAtPlace(String wardCode, String categoryCode, String placeNormalised,
            LocalDate from, LocalDate to, long excluded, boolean withoutPointOnly) {
        return nearby(getEntityManager().createNativeQuery("SELECT id, latitude, longitude, location_description "
                + "FROM report WHERE ward_code <=> ?1 AND category_code = ?2 AND place_normalised = ?3 "
                + "AND occurred_on BETWEEN ?4 AND ?5 AND id <> ?6"
                + (withoutPointOnly ? " AND (latitude IS NULL OR longitude IS NULL)" : ""), Object[].class)
                .setParameter(1, wardCode).setParameter(2, categoryCode).setParameter(3, placeNormalised)
                .setParameter(4, from).setParameter(5, to).setParameter(6, excluded)
                .getResultList());
    }

    private static List<Nearby> nearby(List<Object[]> rows) {
        return rows.stream()
                .map(row -> new Nearby(((Number) row[0]).longValue(), (BigDecimal) row[1], (BigDecimal) row[2],
                        row.length > 3 ? (String) row[3] : null))
                .toList();
    }

    /**
     * The latest other report by the same victim (the same normalised email address or phone number,
     * V006's keys) submitted since {@code since}, newest first; empty for a report with neither.
     */
    static Optional<String> earlierBySameVictim(long id, Instant since) {
        List<?> rows = getEntityManager().createNativeQuery("SELECT o.reference FROM report r JOIN report o ON o.id <> r.id"
                        + " AND ((r.victim_email_key IS NOT NULL AND o.victim_email_key = r.victim_email_key)"
                        + " OR (r.victim_phone_key IS NOT NULL AND o.victim_phone_key = r.victim_phone_key))"
                        + " WHERE r.id = ?1 AND o.submitted_at >= ?2 ORDER BY o.submitted_at DESC, o.id DESC LIMIT 1")
                .setParameter(1, id).setParameter(2, since).getResultList();
        return rows.stream().map(String::valueOf).findFirst();
    }
}
