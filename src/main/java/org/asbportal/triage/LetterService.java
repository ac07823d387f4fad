package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.TaskViews.FilledLetter;
import org.asbportal.triage.TaskViews.LetterView;
import org.asbportal.ward.WardRef;
import org.asbportal.ward.WardService;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.Site;

/**
 * Letters on a case: a template filled from the case (its reference, today's date, the officer and
 * their organisation, the ward and kind of behaviour) and the recipient the officer types; the officer
 * edits the text and saves it as sent, exactly as it stands. A letter saved is never changed; saving
 * writes an internal history entry and is audited, as is reading a letter (it names a person).
 */
@ApplicationScoped
public class LetterService {

    static final int MAX_RECIPIENT_NAME = 160;
    static final int MAX_RECIPIENT_ADDRESS = 500;

    /** The letter chosen and who it is to, as typed. */
    public record FillForm(String template, String recipientName, String recipientAddress) {
    }

    /** The letter as the officer saves it: the template and version it was filled from, and its final text. */
    public record SaveForm(String template, Integer version, String text) {
    }

    private final CaseService cases;
    private final LetterTemplates templates;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;
    private final WardService wards;
    private final Site site;

    public LetterService(CaseService cases, LetterTemplates templates, CurrentStaff staff, AuditLog audit, Calendar calendar,
            WardService wards, Site site) {
        this.cases = cases;
        this.templates = templates;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
        this.wards = wards;
        this.site = site;
    }

    /** The case's reference, once checked the officer may write letters on it: open, in their queues. */
    @Transactional
    public String openCase(String reference) {
        return openItem(reference, LockModeType.NONE).report.reference;
    }

    /** Fills the chosen letter from the case and the recipient typed. */
    @Transactional
    public FilledLetter fill(String reference, FillForm form) {
        QueueItem item = openItem(reference, LockModeType.NONE);
        List<FieldError> errors = new ArrayList<>();
        LetterTemplate template = form.template() == null ? null : LetterTemplate.findByCode(form.template()).orElse(null);
        if (template == null) {
            errors.add(new FieldError("template", "Choose the letter to prepare"));
        }
        String name = required(form.recipientName(), "recipientName", "Enter the name of the person the letter is to",
                MAX_RECIPIENT_NAME, errors);
        String address = required(form.recipientAddress(), "recipientAddress", "Enter the address the letter is sent to",
                MAX_RECIPIENT_ADDRESS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        LetterTemplateVersion version = LetterTemplateVersion.latest(template).orElseThrow();
        StaffAccount officer = staff.account();
        Map<String, String> values = new HashMap<>();
        values.put("reference", item.report.reference);
        values.put("date", site.longDate(calendar.today()));
        values.put("recipientName", name);
        values.put("recipientAddress", address.replace("\r\n", "\n"));
        values.put("officerName", officer.displayName);
        values.put("officerOrganisation", officer.organisation.name);
        values.put("partnershipName", site.partnershipName());
        values.put("wardName", item.report.wardCode == null ? "local"
                : wards.find(item.report.wardCode).map(WardRef::name).orElse(item.report.wardCode));
        values.put("category", item.report.category.name);
        String text;
        try {
            text = templates.render(version.body, values);
        } catch (RuntimeException e) {
            throw new CaseConflictException("This letter's template cannot be filled in. Ask an administrator to correct it.");
        }
        audit.record(staff.username(), "PREPARE_LETTER", item.report.reference, template.code + " v" + version.version);
        return new FilledLetter(item.report.reference, template.code, version.name, version.version, text);
    }

    /** Saves the letter as sent, its text exactly as given; returns its id. */
    @Transactional
    public long save(String reference, SaveForm form) {
        QueueItem item = openItem(reference, LockModeType.PESSIMISTIC_WRITE);
        LetterTemplate template = form.template() == null ? null : LetterTemplate.findByCode(form.template()).orElse(null);
        LetterTemplateVersion version = template == null || form.version() == null ? null
                : LetterTemplateVersion.find(template, form.version()).orElse(null);
        if (version == null) {
            throw new InvalidSubmissionException("template", "Choose the letter to prepare again: the letter sent was not one we know");
        }
        String text = form.text();
        if (text == null || text.isBlank()) {
            throw new InvalidSubmissionException("text", "Enter the text of the letter");
        }
        if (text.length() > LetterTemplates.MAX_BODY) {
            throw new InvalidSubmissionException("text", String.format("The letter must be %,d characters or fewer",
                    LetterTemplates.MAX_BODY));
        }
        CaseLetter letter = new CaseLetter();
        letter.report = item.report;
        letter.template = template;
        letter.templateVersion = version.version;
        letter.body = text;
        letter.sentBy = staff.username();
        letter.sentAt = calendar.now();
        letter.persist();
        CaseLetter.flush();
        cases.event(item.report, "LETTER_SENT", false, "Letter saved as sent: " + version.name + " (template version "
                + version.version + ").");
        audit.record(staff.username(), "SAVE_LETTER", item.report.reference, template.code + " v" + version.version);
        return letter.id;
    }

    /** A letter sent on the case, exactly as saved. Audited. */
    @Transactional
    public LetterView letter(String reference, long id) {
        QueueItem item = cases.workableItem(reference);
        CaseLetter letter = CaseLetter.<CaseLetter>find("id = ?1 and report = ?2", id, item.report).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No such letter on this case"));
        String name = LetterTemplateVersion.find(letter.template, letter.templateVersion).map(v -> v.name).orElse(letter.template.code);
        audit.record(staff.username(), "READ_LETTER", item.report.reference, String.valueOf(letter.id));
        return new LetterView(letter.id, item.report.reference, name, letter.template.code, letter.templateVersion, letter.body,
                letter.sentBy, letter.sentAt);
    }

    private QueueItem openItem(String reference, LockModeType lock) {
        QueueItem item = cases.workableItem(reference, lock);
        if (item.status == QueueItemStatus.CLOSED) {
            throw new CaseConflictException("This case is closed: letters can no longer be prepared on it.");
        }
        return item;
    }

    private static String required(String value, String field, String missing, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, String.format("Must be %d characters or fewer", max)));
            return null;
        }
        return value.strip();
    }
}
