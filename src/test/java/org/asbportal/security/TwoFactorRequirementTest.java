package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Who must sign in with two-factor: the roles configured, and every account of an organisation that requires it. */
class TwoFactorRequirementTest {

    private static TwoFactorService requiring(List<String> roles) {
        TwoFactorConfig config = new TwoFactorConfig() {
            @Override
            public Optional<List<String>> requiredRoles() {
                return roles.isEmpty() ? Optional.empty() : Optional.of(roles);
            }

            @Override
            public int maxAttempts() {
                return 5;
            }

            @Override
            public Duration attemptWindow() {
                return Duration.ofMinutes(15);
            }

            @Override
            public String issuer() {
                return "ASB portal";
            }
        };
        return new TwoFactorService(config, null, Clock.systemUTC(), null, null, null);
    }

    private static StaffAccount account(String roles, boolean organisationRequires) {
        StaffAccount account = new StaffAccount();
        account.roles = roles;
        account.organisation = new Organisation();
        account.organisation.requireTwoFactor = organisationRequires;
        return account;
    }

    @Test
    void administratorsMustWhenTheirRoleIsRequired() {
        TwoFactorService production = requiring(List.of(Role.ADMIN));
        assertTrue(production.required(account(Role.ADMIN, false)));
        assertTrue(production.required(account(Role.CASEWORKER + "," + Role.ADMIN, false)));
        assertFalse(production.required(account(Role.CASEWORKER, false)));
    }

    @Test
    void nobodyMustWithNoRoleRequiredAndNoOrganisationRequiringIt() {
        TwoFactorService test = requiring(List.of());
        assertFalse(test.required(account(Role.ADMIN, false)));
        assertTrue(test.required(account(Role.COUNCILLOR, true)), "the organisation requires it");
    }
}
