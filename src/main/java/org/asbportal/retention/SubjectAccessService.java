package org.asbportal.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.asbportal.security.AccessCodes;
import org.asbportal.security.AuditLog;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Subject access (UK GDPR article 15) and erasure (article 17): an administrator finds everything the
 * portal holds about a person by their email address, phone number or a reference, gets it as a
 * machine-readable copy or a printable page, and may erase it with a reason. Each search, copy and
 * erasure is audited by request id and record ids, never with the term searched for.
 */
@ApplicationScoped
public class SubjectAccessService {

    static final String TERM = "term";
    static final String REASON = "reason";
    static final String CONFIRM = "confirm";
    private static final int REASON_MAX = 500;
    private static final String PHONE_KEY = """
            CASE WHEN REGEXP_REPLACE(%1$s, '[^0-9]', '') LIKE '44%%'
                 THEN CONCAT('0', SUBSTRING(REGEXP_REPLACE(%1$s, '[^0-9]', ''), 3))
                 ELSE REGEXP_REPLACE(%1$s, '[^0-9]', '') END""";
    /** What no key equals, for an empty list of keys. */
    private static final List<String> NOTHING = List.of("");

    private final EntityManager entities;
    private final Calendar calendar;
    private final AuditLog audit;
    private final Anonymiser anonymiser;

    SubjectAccessService(EntityManager entities, Calendar calendar, AuditLog audit, Anonymiser anonymiser) {
        this.entities = entities;
        this.calendar = calendar;
        this.audit = audit;
        this.anonymiser = anonymiser;
    }

    /** What was searched for, normalised as the portal stores it. */
    record Term(String kind, String value) {
    }

    /** Everything held about the person, section by section. */
    public record Copy(long request, Instant requestedAt, String requestedBy, String termKind, Instant erasedAt, String erasedBy,
            String erasureReason, List<Section> sections, List<String> held) {

        public boolean mayErase() {
            return erasedAt == null && held.isEmpty() && sections.stream().anyMatch(s -> !s.records().isEmpty());
        }

        public boolean found() {
            return sections.stream().anyMatch(s -> !s.records().isEmpty());
        }

        /** The machine-readable copy. */
        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("request", request);
            json.put("requested_at", requestedAt.toString());
            json.put("searched_by", termKind.toLowerCase(Locale.ROOT));
            for (Section section : sections) {
                json.put(section.key(), section.records().stream().map(Item::json).toList());
            }
            return json;
        }
    }

    /** One kind of record. */
    public record Section(String key, String title, List<Item> records) {
    }

    /** One record: its fields and, for reports and applications, the records that belong to it. */
    public record Item(String title, List<Field> fields, List<Section> parts) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            fields.forEach(f -> json.put(f.key(), f.value()));
            parts.forEach(p -> json.put(p.key(), p.records().stream().map(Item::json).toList()));
            return json;
        }
    }

    /** One field, with a label for the printable page. */
    public record Field(String key, Object value) {

        public String label() {
            String words = key.replace('_', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        public String text() {
            if (value == null) {
                return "—";
            }
            if (value instanceof Boolean yes) {
                return yes ? "Yes" : "No";
            }
            return value.toString();
        }
    }

    /**
     * Finds the records about the person the term names, records the search and audits it with the
     * record ids only; the request's id.
     */
    @Transactional
    public long search(String raw, String actor) {
        Term term = term(raw);
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        List<Long> reports = new ArrayList<>();
        List<Long> applications = new ArrayList<>();
        switch (term.kind()) {
            case "EMAIL" -> emails.add(term.value());
            case "PHONE" -> phones.add(term.value());
            default -> {
                for (Tuple row : tuples("SELECT id, victim_email_key AS email, victim_phone_key AS phone FROM report WHERE reference = ?1",
                        term.value())) {
                    reports.add(((Number) row.get("id")).longValue());
                    addKeys(row, emails, phones);
                }
                for (Tuple row : tuples("SELECT id, LOWER(TRIM(applicant_email)) AS email, " + PHONE_KEY.formatted("applicant_phone")
                        + " AS phone FROM trigger_application WHERE reference = ?1", term.value())) {
                    applications.add(((Number) row.get("id")).longValue());
                    addKeys(row, emails, phones);
                }
            }
        }
        List<String> emailKeys = emails.isEmpty() ? NOTHING : List.copyOf(emails);
        List<String> phoneKeys = phones.isEmpty() ? NOTHING : List.copyOf(phones);
        addAll(reports, ids("SELECT id FROM report WHERE victim_email_key IN (?1) OR victim_phone_key IN (?2) ORDER BY id",
                emailKeys, phoneKeys));
        addAll(applications, ids("SELECT id FROM trigger_application WHERE LOWER(TRIM(applicant_email)) IN (?1) OR "
                + PHONE_KEY.formatted("applicant_phone") + " IN (?2) ORDER BY id", emailKeys, phoneKeys));
        List<Long> contacts = ids("SELECT id FROM pledge_contact WHERE email IN (?1) ORDER BY id", emailKeys);
        List<Long> messages = ids("SELECT id FROM outbox_message WHERE LOWER(TRIM(recipient)) IN (?1) ORDER BY id", emailKeys);

        SubjectAccessRequest request = new SubjectAccessRequest();
        request.requestedAt = calendar.now();
        request.requestedBy = actor;
        request.termKind = term.kind();
        request.termHash = sha256(term.value());
        request.reportIds = SubjectAccessRequest.join(reports.stream().sorted().toList());
        request.applicationIds = SubjectAccessRequest.join(applications.stream().sorted().toList());
        request.contactIds = SubjectAccessRequest.join(contacts);
        request.messageIds = SubjectAccessRequest.join(messages);
        request.persist();
        audit.record(actor, "SUBJECT_ACCESS_SEARCH", null, "request " + request.id + " by " + term.kind().toLowerCase(Locale.ROOT)
                + ": " + request.found());
        return request.id;
    }

    /** The copy of everything the request found, read now; audited as a copy given (page or file). */
    @Transactional
    public Copy copy(long requestId, String actor, String form) {
        SubjectAccessRequest request = request(requestId);
        audit.record(actor, "SUBJECT_ACCESS_COPY", null, "request " + request.id + " as " + form);
        return read(request);
    }

    /**
     * Erases what the request found, with the same anonymisation the retention schedule applies:
     * refused while a record is held, or without a reason and a confirmation.
     */
    @Transactional
    public void erase(long requestId, String reason, boolean confirmed, String actor) {
        SubjectAccessRequest request = request(requestId);
        String why = reason == null ? "" : reason.strip();
        List<FieldError> errors = new ArrayList<>();
        if (why.isEmpty()) {
            errors.add(new FieldError(REASON, "Enter why the data is being erased"));
        } else if (why.length() > REASON_MAX) {
            errors.add(new FieldError(REASON, "Reason must be " + REASON_MAX + " characters or fewer"));
        }
        if (!confirmed) {
            errors.add(new FieldError(CONFIRM, "Confirm that the records listed are to be erased"));
        }
        List<String> held = LegalHold.heldAmong(references(request));
        if (!held.isEmpty()) {
            errors.add(new FieldError(REASON, "Nothing can be erased while a record is held: lift the hold on "
                    + String.join(", ", held) + " first"));
        }
        if (request.erasedAt != null) {
            errors.add(new FieldError(REASON, "These records were erased already"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        RetentionService.Counts reports = anonymiser.reports(SubjectAccessRequest.split(request.reportIds), false);
        int applications = anonymiser.applications(SubjectAccessRequest.split(request.applicationIds), false);
        int contacts = anonymiser.contacts(SubjectAccessRequest.split(request.contactIds), false);
        int messages = anonymiser.messages(SubjectAccessRequest.split(request.messageIds), false);
        request.erasedAt = calendar.now();
        request.erasedBy = actor;
        request.erasureReason = why;
        audit.record(actor, "SUBJECT_ERASURE", null, "request " + request.id + ": reports=" + reports.reports()
                + " equality_answers=" + reports.equalityAnswers() + " evidence_files=" + reports.evidenceFiles()
                + " victim_additions=" + reports.victimAdditions() + " applications=" + applications + " pledge_contacts=" + contacts
                + " emails=" + messages);
    }

    /** The term as typed, recognised as an email address, a reference or a phone number. */
    static Term term(String raw) {
        String typed = raw == null ? "" : raw.strip();
        if (typed.isEmpty()) {
            throw new InvalidSubmissionException(TERM, "Enter an email address, phone number or reference");
        }
        if (typed.length() > 254) {
            throw new InvalidSubmissionException(TERM, "Enter an email address, phone number or reference of 254 characters or fewer");
        }
        if (typed.contains("@")) {
            return new Term("EMAIL", typed.toLowerCase(Locale.ROOT));
        }
        Optional<String> reference = AccessCodes.validReference(typed);
        if (reference.isPresent()) {
            return new Term("REFERENCE", reference.get());
        }
        if (typed.matches("[+0-9 ()\\-]+")) {
            String digits = typed.replaceAll("[^0-9]", "");
            if (digits.length() >= 7) {
                return new Term("PHONE", digits.startsWith("44") ? "0" + digits.substring(2) : digits);
            }
        }
        throw new InvalidSubmissionException(TERM, "Enter an email address (like name@example.org), a phone number "
                + "(like 01632 960 001) or a reference (like ASB-7KQ4-M9XP)");
    }

    private SubjectAccessRequest request(long id) {
        SubjectAccessRequest request = SubjectAccessRequest.findById(id);
        if (request == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return request;
    }

    private Copy read(SubjectAccessRequest request) {
        List<Long> reportIds = SubjectAccessRequest.split(request.reportIds);
        List<Long> applicationIds = SubjectAccessRequest.split(request.applicationIds);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("reports", "Reports", reports(reportIds)));
        sections.add(new Section("community_trigger_applications", "Community Trigger (ASB Case Review) applications",
                applications(applicationIds)));
        sections.add(new Section("pledge_contacts", "ASB Help PLEDGE contact records", items("""
                SELECT c.name, c.email, o.name AS organisation, c.created_at AS registered_at, c.verified_at AS confirmed_at
                FROM pledge_contact c JOIN pledge_organisation o ON o.id = c.organisation_id WHERE c.id IN (?1) ORDER BY c.id""",
                SubjectAccessRequest.split(request.contactIds), "email")));
        sections.add(new Section("emails_sent", "Emails sent to them", items("""
                SELECT created_at, recipient, subject, status, sent_at, report_reference, body_text AS text
                FROM outbox_message WHERE id IN (?1) ORDER BY id""", SubjectAccessRequest.split(request.messageIds), "subject")));
        List<String> references = references(request);
        sections.add(new Section("audit_entries", "Who read or changed their data (audit entries)", items("""
                SELECT occurred_at, actor, action, reference FROM audit_entry WHERE reference IN (?1) ORDER BY occurred_at, id""",
                references.isEmpty() ? NOTHING : references, "action")));
        return new Copy(request.id, request.requestedAt, request.requestedBy, request.termKind, request.erasedAt, request.erasedBy,
                request.erasureReason, sections, LegalHold.heldAmong(references));
    }

    private List<Item> reports(List<Long> ids) {
        List<Item> reports = new ArrayList<>();
        for (Tuple row : tuples("""
                SELECT r.id, r.reference, r.submitted_at, r.status, c.name AS kind_of_behaviour, r.occurred_on, r.occurred_time,
                    r.still_happening, r.frequency, r.description, r.people_involved, r.location_description, r.town, r.ward_code,
                    r.latitude, r.longitude, r.happened_before, r.targeted_for_identity, r.targeted_because, r.impact,
                    r.feels_unsafe_at_home, r.vulnerable_affected, r.young_people_involved, r.risk_level, r.anonymous,
                    r.reporter_role, r.reporter_name, r.reporter_email, r.reporter_phone, r.preferred_contact, r.safe_contact,
                    r.safe_contact_times, r.consent_to_share, r.channel, r.anonymised_at,
                    q.status AS case_status, q.outcome AS case_outcome, q.closed_at AS case_closed_at, t.name AS case_queue
                FROM report r JOIN category c ON c.code = r.category_code LEFT JOIN queue_item q ON q.report_id = r.id
                LEFT JOIN triage_queue t ON t.id = q.queue_id
                WHERE r.id IN (?1) ORDER BY r.id""", ids)) {
            long id = ((Number) row.get("id")).longValue();
            List<Section> parts = List.of(
                    new Section("case_history", "Case history and updates", items("""
                            SELECT occurred_at, kind, is_public AS shown_to_the_victim, actor, message FROM report_event
                            WHERE report_id = ?1 ORDER BY occurred_at, id""", id, "kind")),
                    new Section("victim_additions", "What the victim added", items("""
                            SELECT occurred_at, kind, message FROM report_event WHERE report_id = ?1 AND actor = 'victim'
                            ORDER BY occurred_at, id""", id, "kind")),
                    new Section("evidence_files", "Evidence files", items("""
                            SELECT file_name, media_type, size_bytes, added_by, added_at FROM report_evidence WHERE report_id = ?1
                            ORDER BY id""", id, "file_name")),
                    new Section("equality_answers", "Equality monitoring answers", items("""
                            SELECT age_band, sex, ethnicity, disability FROM equality_monitoring WHERE report_id = ?1""", id, null)));
            reports.add(new Item("Report " + row.get("reference"), fields(row, "id"), parts));
        }
        return reports;
    }

    private List<Item> applications(List<Long> ids) {
        List<Item> applications = new ArrayList<>();
        for (Tuple row : tuples("""
                SELECT id, reference, submitted_at, status, applicant_name, applicant_email, applicant_phone, applicant_type,
                    on_behalf_of_name, on_behalf_of_relationship, victim_consent, description, impact, outcome_wanted,
                    hate_motivated, received_on, decided_on, decision_met, decision_reasons, meeting_on, victim_attended,
                    impact_statement, findings, outcome_summary, outcome_on, anonymised_at
                FROM trigger_application WHERE id IN (?1) ORDER BY id""", ids)) {
            long id = ((Number) row.get("id")).longValue();
            List<Section> parts = List.of(
                    new Section("history", "History", items("""
                            SELECT occurred_at, kind, is_public AS shown_to_the_applicant, actor, message FROM trigger_event
                            WHERE application_id = ?1 ORDER BY occurred_at, id""", id, "kind")),
                    new Section("complaints", "Complaints cited", items("""
                            SELECT position, source, report_reference, agency, reported_on, behaviour_on, qualifies, reason
                            FROM trigger_complaint WHERE application_id = ?1 ORDER BY position""", id, "source")));
            applications.add(new Item("Application " + row.get("reference"), fields(row, "id"), parts));
        }
        return applications;
    }

    private List<String> references(SubjectAccessRequest request) {
        List<String> references = new ArrayList<>();
        List<Long> reports = SubjectAccessRequest.split(request.reportIds);
        List<Long> applications = SubjectAccessRequest.split(request.applicationIds);
        if (!reports.isEmpty()) {
            references.addAll(strings("SELECT reference FROM report WHERE id IN (?1)", reports));
        }
        if (!applications.isEmpty()) {
            references.addAll(strings("SELECT reference FROM trigger_application WHERE id IN (?1)", applications));
        }
        return references;
    }

    private List<Item> items(String sql, Object parameter, String titleColumn) {
        if (parameter instanceof List<?> list && list.isEmpty()) {
            return List.of();
        }
        return tuples(sql, parameter).stream()
                .map(row -> new Item(titleColumn == null ? "" : String.valueOf(row.get(titleColumn)), fields(row, null), List.of()))
                .toList();
    }

    private static List<Field> fields(Tuple row, String skip) {
        List<Field> fields = new ArrayList<>();
        for (TupleElement<?> element : row.getElements()) {
            String key = element.getAlias().toLowerCase(Locale.ROOT);
            if (!key.equals(skip)) {
                fields.add(new Field(key, value(row.get(element))));
            }
        }
        return fields;
    }

    /** A value as the copy gives it: times in UTC (ISO 8601), dates and numbers as they are. */
    private static Object value(Object value) {
        if (value instanceof Timestamp time) {
            return time.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof Instant || value instanceof java.util.Date || value instanceof java.time.temporal.Temporal) {
            return value.toString();
        }
        return value;
    }

    private static void addKeys(Tuple row, Set<String> emails, Set<String> phones) {
        if (row.get("email") instanceof String email && !email.isBlank()) {
            emails.add(email);
        }
        if (row.get("phone") instanceof String phone && !phone.isBlank()) {
            phones.add(phone);
        }
    }

    private static void addAll(List<Long> into, List<Long> more) {
        more.stream().filter(id -> !into.contains(id)).forEach(into::add);
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> tuples(String sql, Object parameter) {
        return entities.createNativeQuery(sql, Tuple.class).setParameter(1, parameter).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, Object... parameters) {
        Query query = entities.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, List<Long> ids) {
        return entities.createNativeQuery(sql).setParameter(1, ids).getResultList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
