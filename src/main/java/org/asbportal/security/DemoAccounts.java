package org.asbportal.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Documented demonstration accounts, one per role, for the dev profile and the tests only: they are
 * never built into a production jar. Every password is {@value #PASSWORD}.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoAccounts {

    public static final String PASSWORD = "demo-password-2026";

    record Demo(String username, String name, String organisation, String roles, List<String> wards) {
    }

    /**
     * Fired, in the same transaction, once the demonstration accounts are created, so that features
     * can give them what they own (triage grants its queues).
     */
    public record Created(List<StaffAccount> accounts) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Ada Admin", "PARTNERSHIP", Role.ADMIN, List.of()),
            new Demo("triage", "Tom Triage", "PARTNERSHIP", Role.TRIAGE_OFFICER, List.of()),
            new Demo("caseworker", "Cass Worker", "COUNCIL", Role.CASEWORKER, List.of()),
            new Demo("police", "Pat Constable", "POLICE", Role.CASEWORKER, List.of()),
            new Demo("coordinator", "Cory Coordinator", "PARTNERSHIP", Role.TRIGGER_COORDINATOR, List.of()),
            new Demo("reviewer", "Rae Reviewer", "PARTNERSHIP", Role.PLEDGE_REVIEWER, List.of()),
            new Demo("councillor", "Cllr Kim Ward", "COUNCIL", Role.COUNCILLOR, List.of("E36001578", "E36001582")));

    private final Event<Created> created;
    private final Clock clock;

    public DemoAccounts(Event<Created> created, Clock clock) {
        this.created = created;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        List<StaffAccount> added = new ArrayList<>();
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
            account.wardCodes.addAll(demo.wards());
            account.createdAt = clock.instant();
            account.persist();
            added.add(account);
        }
        created.fire(new Created(List.copyOf(added)));
    }
}
