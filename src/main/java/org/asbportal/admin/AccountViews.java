package org.asbportal.admin;

import java.time.Instant;
import java.util.List;

import org.asbportal.security.Organisation;
import org.asbportal.triage.TriageQueue;
import org.asbportal.ward.Ward;

/** What the staff account pages show. */
public final class AccountViews {

    private AccountViews() {
    }

    /** A role an account can hold, with its name in words. */
    public record RoleOption(String code, String label) {
    }

    public record AccountRow(long id, String username, String displayName, String organisation, String roles,
            boolean active, boolean locked) {
    }

    /** One page of the account list; {@code page} counts from 1. */
    public record AccountPage(List<AccountRow> accounts, AccountFilter filter, int page, int pages, long total) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    /** An account being edited: the form and what is shown but not edited there. */
    public record AccountDetail(long id, String username, boolean locked, Instant lockedUntil, int failedLogins,
            int version, Instant createdAt, AccountForm form, boolean twoFactor, boolean twoFactorRequired, Instant signedInAt) {
    }

    /** The choices the account forms offer. */
    public record AccountChoices(List<Organisation> organisations, List<RoleOption> roles, List<TriageQueue> queues,
            List<Ward> wards) {
    }
}
