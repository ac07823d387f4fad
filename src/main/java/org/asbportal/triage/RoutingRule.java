package org.asbportal.triage;

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
import java.util.List;

import org.asbportal.report.RiskLevel;

/**
 * One routing rule: when every condition that is set matches, the report goes to the rule's queue.
 * Rules are tried by ascending priority; a condition left empty matches anything.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int priority;

    public String description;

    @Column(name = "category_code")
    public String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_risk")
    public RiskLevel minRisk;

    @Column(name = "hate_motivated")
    public Boolean hateMotivated;

    @Column(name = "young_people")
    public Boolean youngPeople;

    @Column(name = "vulnerable_victim")
    public Boolean vulnerableVictim;

    public Boolean unverified;

    @Column(name = "ward_code")
    public String wardCode;

    @ManyToOne(optional = false)
    @JoinColumn(name = "queue_id")
    public TriageQueue queue;

    /** A rule with every condition "any": it matches every report. */
    private static final String CATCH_ALL = "categoryCode is null and minRisk is null and hateMotivated is null "
            + "and youngPeople is null and vulnerableVictim is null and unverified is null and wardCode is null";

    public static List<RoutingRule> listByPriority() {
        return list("order by priority, id");
    }

    /** What this rule asks of a report. */
    public Conditions conditions() {
        return new Conditions(categoryCode, minRisk, hateMotivated, youngPeople, vulnerableVictim, unverified, wardCode);
    }

    /** Whether this rule matches every report (every condition "any"). */
    public boolean catchAll() {
        return conditions().catchAll();
    }

    /** The conditions of a rule; each one left null matches anything. */
    public record Conditions(String categoryCode, RiskLevel minRisk, Boolean hateMotivated, Boolean youngPeople,
            Boolean vulnerableVictim, Boolean unverified, String wardCode) {

        /** Whether a report with these facts meets every condition that is set. */
        public boolean matches(RoutingFacts facts) {
            return (categoryCode == null || categoryCode.equals(facts.categoryCode()))
                    && (minRisk == null || facts.riskLevel().atLeast(minRisk))
                    && (hateMotivated == null || hateMotivated == facts.hateMotivated())
                    && (youngPeople == null || youngPeople == facts.youngPeople())
                    && (vulnerableVictim == null || vulnerableVictim == facts.vulnerableVictim())
                    && (unverified == null || unverified == facts.unverified())
                    && (wardCode == null || wardCode.equals(facts.wardCode()));
        }

        /** Whether no condition is set. */
        public boolean catchAll() {
            return categoryCode == null && minRisk == null && hateMotivated == null && youngPeople == null
                    && vulnerableVictim == null && unverified == null && wardCode == null;
        }
    }

    /** How many rules match every report. */
    public static long countCatchAll() {
        return count(CATCH_ALL);
    }
}
