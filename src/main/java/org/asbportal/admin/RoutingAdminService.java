package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.asbportal.category.Category;
import org.asbportal.report.RiskLevel;
import org.asbportal.triage.Router;
import org.asbportal.triage.RoutingRule;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.TriageQueue;
import org.asbportal.ward.Ward;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.ReferenceData;

/**
 * The routing rules, reference data that decides which queue a new report goes to: the first rule
 * that matches, by ascending priority. At least one catch-all rule (no conditions) always remains, so
 * every report is routed by a rule; the router's fallback queue stays the last resort. Every change
 * is audited.
 */
@ApplicationScoped
public class RoutingAdminService {

    /** A rule as the list shows it, its conditions in words. */
    public record RuleRow(long id, int priority, String description, String conditions, String queue, boolean catchAll) {
    }

    /** The choices the rule form offers. */
    public record RuleChoices(List<TriageQueue> queues, List<Category> categories, List<RiskLevel> risks, List<Ward> wards) {
    }

    static final String KEEP_CATCH_ALL = "Keep at least one catch-all rule (a rule with every condition set to any), "
            + "so that every report is routed by a rule";

    private final AuditLog audit;
    private final CurrentStaff staff;
    private final ReferenceData reference;

    public RoutingAdminService(AuditLog audit, CurrentStaff staff, ReferenceData reference) {
        this.audit = audit;
        this.staff = staff;
        this.reference = reference;
    }

    @Transactional
    public List<RuleRow> list() {
        Map<String, String> categories = categoryNames();
        Map<String, String> wards = wardNames();
        return RoutingRule.listByPriority().stream().map(r -> row(r, categories, wards)).toList();
    }

    @Transactional
    public RuleChoices choices() {
        return new RuleChoices(TriageQueue.list("order by name"), Category.listInOrder(), List.of(RiskLevel.values()),
                Ward.listByName());
    }

    @Transactional
    public RuleForm form(String id) {
        return RuleForm.of(locate(id));
    }

    /** The rule in words, for the page that asks to confirm deleting it. */
    @Transactional
    public RuleRow row(String id) {
        return row(locate(id), categoryNames(), wardNames());
    }

    @Transactional
    public RoutingRule create(RuleForm form) {
        RoutingRule rule = new RoutingRule();
        apply(rule, form);
        rule.persist();
        reference.changed(Router.ROUTING);
        audit.record(staff.username(), "ADMIN_CREATE_RULE", null, "Created routing rule " + describe(rule));
        return rule;
    }

    @Transactional
    public RoutingRule update(String id, RuleForm form) {
        RoutingRule rule = locate(id);
        String before = describe(rule);
        apply(rule, form);
        requireCatchAll("priority");
        String after = describe(rule);
        reference.changed(Router.ROUTING);
        if (!after.equals(before)) {
            audit.record(staff.username(), "ADMIN_UPDATE_RULE", null, "Changed routing rule " + rule.id + ": " + before + " -> " + after);
        }
        return rule;
    }

    @Transactional
    public void delete(String id) {
        RoutingRule rule = locate(id);
        String was = describe(rule);
        rule.delete();
        requireCatchAll("rule");
        reference.changed(Router.ROUTING);
        audit.record(staff.username(), "ADMIN_DELETE_RULE", null, "Deleted routing rule " + was);
    }

    /** Checks every value, then sets them all: nothing is set on the rule while a value may still be refused. */
    private static void apply(RoutingRule rule, RuleForm form) {
        Forms check = new Forms();
        Integer priority = check.whole("priority", form.priority, 0, 1_000_000, "Priority");
        String description = check.required("description", form.description, 255, "Describe the rule", "The description");
        TriageQueue queue = TriageQueue.findByCode(Objects.requireNonNullElse(Forms.trimmed(form.queue), "")).orElse(null);
        if (queue == null) {
            check.add("queue", "Choose the queue the rule sends reports to");
        }
        String category = Forms.trimmed(form.category);
        if (category != null && Category.findById(category) == null) {
            check.add("category", "Choose a kind of behaviour from the list, or any");
        }
        RiskLevel minRisk = null;
        String risk = Forms.trimmed(form.minRisk);
        if (risk != null) {
            minRisk = Arrays.stream(RiskLevel.values()).filter(r -> r.name().equals(risk)).findFirst().orElse(null);
            if (minRisk == null) {
                check.add("minRisk", "Choose a risk level from the list, or any");
            }
        }
        String ward = Forms.trimmed(form.ward);
        if (ward != null && Ward.findById(ward) == null) {
            check.add("ward", "Choose a ward from the list, or any");
        }
        Boolean hate = flag(check, "hateMotivated", form.hateMotivated);
        Boolean young = flag(check, "youngPeople", form.youngPeople);
        Boolean vulnerable = flag(check, "vulnerableVictim", form.vulnerableVictim);
        Boolean unverified = flag(check, "unverified", form.unverified);
        check.check();
        rule.priority = priority;
        rule.description = description;
        rule.queue = queue;
        rule.categoryCode = category;
        rule.minRisk = minRisk;
        rule.wardCode = ward;
        rule.hateMotivated = hate;
        rule.youngPeople = young;
        rule.vulnerableVictim = vulnerable;
        rule.unverified = unverified;
    }

    private static Boolean flag(Forms check, String field, String value) {
        String text = Forms.trimmed(value);
        if (text == null || "any".equals(text)) {
            return null;
        }
        if ("yes".equals(text) || "no".equals(text)) {
            return "yes".equals(text);
        }
        check.add(field, "Choose any, yes or no");
        return null;
    }

    private static void requireCatchAll(String field) {
        if (RoutingRule.countCatchAll() == 0) {
            throw new InvalidSubmissionException(field, KEEP_CATCH_ALL);
        }
    }

    private static String conditions(RoutingRule rule, Map<String, String> categories, Map<String, String> wards) {
        List<String> parts = new ArrayList<>();
        if (rule.categoryCode != null) {
            parts.add("kind: " + categories.getOrDefault(rule.categoryCode, rule.categoryCode));
        }
        if (rule.minRisk != null) {
            parts.add("risk " + rule.minRisk.label().toLowerCase() + " or higher");
        }
        if (rule.wardCode != null) {
            parts.add("ward: " + wards.getOrDefault(rule.wardCode, rule.wardCode));
        }
        addFlag(parts, rule.hateMotivated, "hate-motivated");
        addFlag(parts, rule.youngPeople, "young people involved");
        addFlag(parts, rule.vulnerableVictim, "vulnerable victim");
        addFlag(parts, rule.unverified, "robot check not completed");
        return parts.isEmpty() ? "Any report" : String.join("; ", parts);
    }

    private static void addFlag(List<String> parts, Boolean value, String name) {
        if (value != null) {
            parts.add(value ? name : "not " + name);
        }
    }

    private static RuleRow row(RoutingRule rule, Map<String, String> categories, Map<String, String> wards) {
        return new RuleRow(rule.id, rule.priority, rule.description, conditions(rule, categories, wards), rule.queue.name,
                rule.catchAll());
    }

    private static Map<String, String> categoryNames() {
        return Category.<Category>listAll().stream().collect(Collectors.toMap(c -> c.code, c -> c.name));
    }

    private static Map<String, String> wardNames() {
        return Ward.<Ward>listAll().stream().collect(Collectors.toMap(w -> w.code, w -> w.name));
    }

    /** What the audit log says about a rule: its conditions by code and its queue. */
    private static String describe(RoutingRule rule) {
        return (rule.id == null ? "" : rule.id + " ") + "(priority " + rule.priority + ", " + rule.description + "): "
                + "category " + Objects.toString(rule.categoryCode, "any") + "; risk " + (rule.minRisk == null ? "any" : rule.minRisk.name())
                + "; ward " + Objects.toString(rule.wardCode, "any") + "; hate " + Objects.toString(rule.hateMotivated, "any")
                + "; young people " + Objects.toString(rule.youngPeople, "any") + "; vulnerable " + Objects.toString(rule.vulnerableVictim, "any")
                + "; unverified " + Objects.toString(rule.unverified, "any") + " -> queue " + rule.queue.code;
    }

    private static RoutingRule locate(String id) {
        RoutingRule rule = RoutingRule.findById(Forms.id(id, "routing rule"));
        if (rule == null) {
            throw new NotFoundException("No routing rule with this address");
        }
        return rule;
    }
}
