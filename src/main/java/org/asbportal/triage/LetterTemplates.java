package org.asbportal.triage;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.TaskViews.TemplateEdit;
import org.asbportal.triage.TaskViews.TemplateOption;
import org.asbportal.triage.TaskViews.TemplateSummary;
import org.asbportal.triage.TaskViews.TemplateVersionView;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Letter templates: Qute text whose placeholders ({@link #PLACEHOLDERS}) the portal fills from a case.
 * Editing a template adds a version and keeps the ones before; a template that does not parse, or
 * names a placeholder the portal does not fill, is refused with the reason.
 */
@ApplicationScoped
public class LetterTemplates {

    static final int MAX_NAME = 120;
    static final int MAX_BODY = 20_000;

    /** What a letter may say, with the example an administrator's template is checked against. */
    public static final Map<String, String> PLACEHOLDERS;

    static {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("reference", "ASB-2345-6789");
        placeholders.put("date", "Friday 27 November 2026");
        placeholders.put("recipientName", "Alex Example");
        placeholders.put("recipientAddress", "1 Example Street\nBedford\nMK40 1AA");
        placeholders.put("officerName", "Cass Worker");
        placeholders.put("officerOrganisation", "Bedford Borough Council");
        placeholders.put("partnershipName", "Bedford Borough Community Safety Partnership");
        placeholders.put("wardName", "Castle");
        placeholders.put("category", "Noise");
        PLACEHOLDERS = Map.copyOf(placeholders);
        PLACEHOLDER_NAMES = List.copyOf(placeholders.keySet());
    }

    /** The placeholders' names, in the order the administration page lists them. */
    public static final List<String> PLACEHOLDER_NAMES;

    private final Engine engine;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Calendar calendar;

    public LetterTemplates(Engine engine, CurrentStaff staff, AuditLog audit, Calendar calendar) {
        this.engine = engine;
        this.staff = staff;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Every template at its latest version, in their order. */
    @Transactional
    public List<TemplateSummary> all() {
        List<TemplateSummary> summaries = new ArrayList<>();
        for (LetterTemplate template : LetterTemplate.ordered()) {
            LetterTemplateVersion.latest(template).ifPresent(v -> summaries.add(
                    new TemplateSummary(template.code, v.name, v.version, v.createdBy, v.createdAt)));
        }
        return summaries;
    }

    /** The letters an officer may choose from, at their latest versions. */
    @Transactional
    public List<TemplateOption> options() {
        return all().stream().map(s -> new TemplateOption(s.code(), s.name(), s.version())).toList();
    }

    /** A template with its latest version and its history; a page not found for an unknown code. */
    @Transactional
    public TemplateEdit edit(String code) {
        LetterTemplate template = template(code);
        List<TemplateVersionView> history = LetterTemplateVersion.history(template).stream().map(LetterTemplates::view).toList();
        return new TemplateEdit(template.code, history.get(0), history);
    }

    /** One version of a template; a page not found when there is no such version. */
    @Transactional
    public TemplateVersionView version(String code, int version) {
        return LetterTemplateVersion.find(template(code), version).map(LetterTemplates::view)
                .orElseThrow(() -> new NotFoundException("No such version"));
    }

    /**
     * Saves a new version of a template, made from {@code basedOn} (the version the administrator
     * edited: if another was saved since, nothing is saved). Audited.
     */
    @Transactional
    public TemplateVersionView saveVersion(String code, String name, String body, Integer basedOn) {
        LetterTemplate template = LetterTemplate.<LetterTemplate>find("code", code == null ? "" : code)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No such letter template"));
        LetterTemplateVersion latest = LetterTemplateVersion.latest(template).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.add(new FieldError("name", "Enter the letter's name"));
        } else if (cleanName.length() > MAX_NAME) {
            errors.add(new FieldError("name", String.format("The name must be %d characters or fewer", MAX_NAME)));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "Enter the text of the letter"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", String.format("The letter must be %,d characters or fewer", MAX_BODY)));
        } else {
            String problem = problemWith(body);
            if (problem != null) {
                errors.add(new FieldError("body", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        if (basedOn == null || basedOn != latest.version) {
            throw new LetterTemplateConflictException("Someone else saved a new version of this letter while you were editing it. "
                    + "Nothing you did was saved: look at version " + latest.version + " and redo your change.");
        }
        LetterTemplateVersion next = new LetterTemplateVersion();
        next.template = template;
        next.version = latest.version + 1;
        next.name = cleanName;
        next.body = body;
        next.createdBy = staff.username();
        next.createdAt = calendar.now();
        next.persist();
        audit.record(staff.username(), "LETTER_TEMPLATE_SAVED", null, template.code + " v" + next.version);
        return view(next);
    }

    /**
     * Why the text cannot be a letter template, or null when it can: it must parse as a Qute template
     * and name only the placeholders the portal fills.
     */
    public String problemWith(String body) {
        try {
            render(body, PLACEHOLDERS);
            return null;
        } catch (RuntimeException e) {
            return "The letter cannot be used as a template: " + reason(e)
                    + ". Placeholders are written in curly brackets, for example {reference}, and may be: "
                    + String.join(", ", PLACEHOLDER_NAMES) + ".";
        }
    }

    /** The template's text filled with {@code values}; fails when it does not parse or names another placeholder. */
    String render(String body, Map<String, String> values) {
        Template template = engine.parse(body);
        TemplateInstance instance = template.instance();
        values.forEach(instance::data);
        return instance.render();
    }

    /** The first line of the engine's message, without the template's internal name. */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "it could not be read" : e.getMessage().lines().findFirst().orElse("");
        message = message.replaceAll("\\s*in template \\[[^\\]]*\\]", "").replaceAll("\\s*template \\[[^\\]]*\\]", "")
                .replaceAll("\\{#insert[^}]*}", "").strip();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message.isEmpty() ? "it could not be read" : message;
    }

    LetterTemplate template(String code) {
        return LetterTemplate.findByCode(code == null ? "" : code).orElseThrow(() -> new NotFoundException("No such letter template"));
    }

    private static TemplateVersionView view(LetterTemplateVersion v) {
        return new TemplateVersionView(v.template.code, v.version, v.name, v.body, v.createdBy, v.createdAt);
    }
}
