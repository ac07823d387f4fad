package org.asbportal.triage;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffAccount;

/** The triage queues each demonstration account works, granted when the dev profile or the tests create them. */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoQueueGrants {

    static final Map<String, List<String>> QUEUES = Map.of(
            "triage", List.of("MANUAL_CHECK", "VULNERABILITY_HUB", "HATE_INCIDENTS", "COUNCIL_ASB"),
            "caseworker", List.of("COUNCIL_ASB", "ENVIRONMENTAL_HEALTH", "YOUTH_OUTREACH"),
            "police", List.of("POLICE_NEIGHBOURHOOD"));

    void grant(@Observes DemoAccounts.Created created) {
        for (StaffAccount account : created.accounts()) {
            for (String code : QUEUES.getOrDefault(account.username, List.of())) {
                account.queueIds.add(TriageQueue.findByCode(code).orElseThrow().id);
            }
        }
    }
}
