package org.asbportal.admin;

import org.asbportal.triage.RoutingRule;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The routing rule form. Conditions left at "any" match every report; the yes/no conditions are
 * {@code any}, {@code yes} or {@code no}.
 */
public class RuleForm {

    @RestForm
    public String priority;

    @RestForm
    public String description;

    @RestForm
    public String queue;

    @RestForm
    public String category;

    @RestForm
    public String minRisk;

    @RestForm
    public String ward;

    @RestForm
    public String hateMotivated = "any";

    @RestForm
    public String youngPeople = "any";

    @RestForm
    public String vulnerableVictim = "any";

    @RestForm
    public String unverified = "any";

    static RuleForm of(RoutingRule rule) {
        RuleForm form = new RuleForm();
        form.priority = String.valueOf(rule.priority);
        form.description = rule.description;
        form.queue = rule.queue.code;
        form.category = rule.categoryCode;
        form.minRisk = rule.minRisk == null ? null : rule.minRisk.name();
        form.ward = rule.wardCode;
        form.hateMotivated = flag(rule.hateMotivated);
        form.youngPeople = flag(rule.youngPeople);
        form.vulnerableVictim = flag(rule.vulnerableVictim);
        form.unverified = flag(rule.unverified);
        return form;
    }

    private static String flag(Boolean value) {
        return value == null ? "any" : value ? "yes" : "no";
    }
}
