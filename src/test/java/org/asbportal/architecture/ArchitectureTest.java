package org.asbportal.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure the portal keeps: arrows point down. Features sit on top of the shared layers
 * ({@code web}, {@code security}, {@code notify}), which never know a feature; no package imports
 * another that imports it back; resources only speak HTTP and leave queries to services.
 */
class ArchitectureTest {

    private static final String BASE = "org.asbportal";

    /** Every feature package: shared layers may use none of them. */
    static final String[] FEATURES = {
        BASE + ".admin..", BASE + ".casetracking..", BASE + ".category..", BASE + ".contact..", BASE + ".figures..",
        BASE + ".open311..", BASE + ".pledge..", BASE + ".report..", BASE + ".retention..", BASE + ".triage..", BASE + ".trigger..",
        BASE + ".ward..",
    };

    static final String[] SHARED = {BASE + ".web..", BASE + ".security..", BASE + ".notify.."};

    private static JavaClasses portal;

    @BeforeAll
    static void importThePortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(BASE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(portal);
    }

    @Test
    void sharedLayersImportNoFeature() {
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .because("features register what they need (error mappings, mail kinds, demo data) through their own beans or events")
                .check(portal);
    }

    /** The levels of the README's picture: a feature uses only features on lower levels. */
    @Test
    void featuresUseOnlyFeaturesOnLowerLevels() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("admin").definedBy(BASE + ".admin..")
                .layer("open311").definedBy(BASE + ".open311..")
                .layer("retention").definedBy(BASE + ".retention..")
                .layer("figures").definedBy(BASE + ".figures..")
                .layer("trigger").definedBy(BASE + ".trigger..")
                .layer("triage").definedBy(BASE + ".triage..")
                .layer("pledge").definedBy(BASE + ".pledge..")
                .layer("report").definedBy(BASE + ".report..")
                .layer("casetracking").definedBy(BASE + ".casetracking..")
                .layer("contact").definedBy(BASE + ".contact..")
                .layer("ward").definedBy(BASE + ".ward..")
                .layer("category").definedBy(BASE + ".category..")
                .whereLayer("admin").mayNotBeAccessedByAnyLayer()
                .whereLayer("open311").mayNotBeAccessedByAnyLayer()
                .whereLayer("retention").mayNotBeAccessedByAnyLayer()
                .whereLayer("figures").mayNotBeAccessedByAnyLayer()
                .whereLayer("trigger").mayOnlyBeAccessedByLayers("admin", "open311", "figures")
                .whereLayer("triage").mayOnlyBeAccessedByLayers("admin", "open311", "figures")
                .whereLayer("pledge").mayOnlyBeAccessedByLayers("admin", "open311", "figures")
                .whereLayer("report").mayOnlyBeAccessedByLayers("admin", "open311", "figures", "trigger", "triage", "pledge")
                .whereLayer("casetracking").mayOnlyBeAccessedByLayers("admin", "open311", "figures", "trigger", "triage", "pledge", "report")
                .whereLayer("contact").mayOnlyBeAccessedByLayers("admin", "open311", "figures", "trigger", "triage", "pledge", "report")
                .whereLayer("ward").mayOnlyBeAccessedByLayers("admin", "open311", "figures", "trigger", "triage", "pledge", "report")
                .whereLayer("category").mayOnlyBeAccessedByLayers("admin", "open311", "figures", "trigger", "triage", "pledge", "report",
                        "casetracking", "contact", "ward")
                .check(portal);
    }

    @Test
    void resourcesDoNoQueries() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "io.quarkus.hibernate..", "io.quarkus.panache..", "java.sql..", "io.agroal..")
                .because("a resource binds HTTP and calls a service, which owns queries and transactions")
                .check(portal);
    }

    @Test
    void resourcesCallNoEntityFinders() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().callMethodWhere(describe("a method of an entity (a query or a write)",
                        (JavaAccess<?> call) -> call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)))
                .because("a resource binds HTTP and calls a service, which owns queries and transactions")
                .check(portal);
    }
}
