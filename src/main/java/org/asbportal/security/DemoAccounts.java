package org.asbportal.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.asbportal.triage.TriageQueue;

/**
 * Documented demonstration accounts, one per role, for the dev profile and the tests only: they are
 * never built into a production jar. Every password is {@value #PASSWORD}.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoAccounts {

    public static final String PASSWORD = "demo-password-2026";

    record Demo(String username, String name, String organisation, String roles, List<String> queues, List<String> wards) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Ada Admin", "PARTNERSHIP", Role.ADMIN, List.of(), List.of()),
            new Demo("triage", "Tom Triage", "PARTNERSHIP", Role.TRIAGE_OFFICER,
                    List.of("MANUAL_CHECK", "VULNERABILITY_HUB", "HATE_INCIDENTS", "COUNCIL_ASB"), List.of()),
            new Demo("caseworker", "Cass Worker", "COUNCIL", Role.CASEWORKER,
                    List.of("COUNCIL_ASB", "ENVIRONMENTAL_HEALTH", "YOUTH_OUTREACH"), List.of()),
            new Demo("police", "Pat Constable", "POLICE", Role.CASEWORKER, List.of("POLICE_NEIGHBOURHOOD"), List.of()),
            new Demo("coordinator", "Cory Coordinator", "PARTNERSHIP", Role.TRIGGER_COORDINATOR, List.of(), List.of()),
            new Demo("reviewer", "Rae Reviewer", "PARTNERSHIP", Role.PLEDGE_REVIEWER, List.of(), List.of()),
            new Demo("councillor", "Cllr Kim Ward", "COUNCIL", Role.COUNCILLOR, List.of(), List.of("E36001578", "E36001582")));

    @Transactional
    void onStart(@Observes StartupEvent start) {
        for (Demo demo : ACCOUNTS) {
            StaffAccount account = StaffAccount.findByUsername(demo.username()).orElseGet(StaffAccount::new);
            if (account.id != null) {
                continue;
            }
            account.username = demo.username();
            account.setPassword(PASSWORD);
            account.displayName = demo.name();
            account.roles = demo.roles();
            account.organisation = Organisation.findByCode(demo.organisation()).orElseThrow();
            Set<Long> queues = demo.queues().stream()
                    .map(code -> TriageQueue.findByCode(code).orElseThrow().id)
                    .collect(Collectors.toSet());
            account.queueIds.addAll(queues);
            account.wardCodes.addAll(demo.wards());
            account.persist();
        }
    }
}
