package org.asbportal.admin;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.asbportal.web.Calendar;
import org.asbportal.admin.AccountViews.AccountChoices;
import org.asbportal.admin.AccountViews.AccountDetail;
import org.asbportal.admin.AccountViews.AccountPage;
import org.asbportal.admin.AccountViews.AccountRow;
import org.asbportal.admin.AccountViews.RoleOption;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Organisation;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.security.StaffSessions;
import org.asbportal.security.TwoFactorService;
import org.asbportal.triage.TriageQueue;
import org.asbportal.ward.Ward;

/**
 * Staff accounts: listing, creating, editing (organisation, roles, grants, deactivation), resetting
 * passwords and unlocking. Every change is checked against the version the administrator saw and
 * audited, never with a password. A new password, a change of roles and a deactivation end the
 * account's signed-in sessions.
 */
@ApplicationScoped
public class AccountAdminService {

    static final int PAGE_SIZE = 25;
    static final List<RoleOption> ROLES = List.of(
            new RoleOption(Role.ADMIN, "Administrator"),
            new RoleOption(Role.TRIAGE_OFFICER, "Triage officer"),
            new RoleOption(Role.CASEWORKER, "Caseworker"),
            new RoleOption(Role.TRIGGER_COORDINATOR, "Community Trigger coordinator"),
            new RoleOption(Role.PLEDGE_REVIEWER, "PLEDGE reviewer"),
            new RoleOption(Role.COUNCILLOR, "Councillor"));
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,80}");
    private static final String STALE = "Someone else changed this account after you opened it, so your changes were not "
            + "saved. The page now shows the account as it is: make your changes again.";

    private final AuditLog audit;
    private final TwoFactorService twoFactor;
    private final CurrentStaff staff;
    private final StaffSessions sessions;

    private final Calendar calendar;

    public AccountAdminService(AuditLog audit, CurrentStaff staff, StaffSessions sessions, Calendar calendar,
            TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
        this.calendar = calendar;
        this.audit = audit;
        this.staff = staff;
        this.sessions = sessions;
    }

    /** One page of accounts, by username, that pass the filter. */
    @Transactional
    public AccountPage list(AccountFilter filter, String pageNumber) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.organisation() != null) {
            where.append(" and a.organisation.code = :organisation");
            params.and("organisation", filter.organisation());
        }
        if (filter.role() != null && ROLES.stream().anyMatch(r -> r.code().equals(filter.role()))) {
            where.append(" and concat(',', a.roles, ',') like :role");
            params.and("role", "%," + filter.role() + ",%");
        }
        if ("active".equals(filter.status())) {
            where.append(" and a.active = true");
        } else if ("deactivated".equals(filter.status())) {
            where.append(" and a.active = false");
        }
        long total = StaffAccount.count("from StaffAccount a where " + where, params);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = pageOf(pageNumber, pages);
        List<StaffAccount> accounts = StaffAccount.<StaffAccount>find("from StaffAccount a where " + where
                + " order by a.username", params).page(page - 1, PAGE_SIZE).list();
        Instant now = calendar.now();
        List<AccountRow> rows = accounts.stream().map(a -> new AccountRow(a.id, a.username, a.displayName,
                a.organisation.name, ROLES.stream().filter(r -> a.hasRole(r.code())).map(RoleOption::label)
                        .collect(Collectors.joining(", ")),
                a.active, a.lockedUntil != null && a.lockedUntil.isAfter(now))).toList();
        return new AccountPage(rows, filter, page, pages, total);
    }

    @Transactional
    public AccountChoices choices() {
        return new AccountChoices(Organisation.list("order by name"), ROLES, TriageQueue.list("order by name"),
                Ward.listByName());
    }

    @Transactional
    public AccountDetail detail(String id) {
        StaffAccount account = locate(id);
        Map<Long, String> codes = queueCodes();
        List<String> queues = account.queueIds.stream().map(codes::get).filter(Objects::nonNull).toList();
        return new AccountDetail(account.id, account.username,
                account.lockedUntil != null && account.lockedUntil.isAfter(calendar.now()), account.lockedUntil,
                account.failedLogins, account.version, account.createdAt, AccountForm.of(account, queues),
                twoFactor.enabled(account.id), twoFactor.required(account), account.signedInAt);
    }

    @Transactional
    public StaffAccount create(AccountForm form) {
        Forms check = new Forms();
        String username = check.required("username", form.username, 80, "Enter a username", "The username");
        if (check.ok("username") && !USERNAME.matcher(username).matches()) {
            check.add("username", "The username must be 2 to 80 lower-case letters, digits, dots, hyphens or underscores");
        }
        if (check.ok("username") && StaffAccount.findByUsername(username).isPresent()) {
            check.add("username", "The username " + username + " is already taken");
        }
        StaffAccount account = new StaffAccount();
        account.username = username;
        apply(account, form, check);
        check.password("password", form.password);
        check.check();
        account.setPassword(form.password);
        account.createdAt = calendar.now();
        account.persist();
        Forms.flushUnique(() -> StaffAccount.flush(), "username", "The username " + username + " is already taken");
        audit.record(staff.username(), "ADMIN_CREATE_ACCOUNT", null, "Created account " + username + ": "
                + describe(account));
        return account;
    }

    @Transactional
    public StaffAccount update(String id, AccountForm form) {
        StaffAccount account = locate(id);
        String before = describe(account);
        String rolesBefore = account.roles;
        boolean activeBefore = account.active;
        Forms check = new Forms();
        current(account, form.version);
        apply(account, form, check);
        if (!"yes".equals(form.active) && !"no".equals(form.active)) {
            check.add("active", "Choose whether the account may sign in");
        }
        boolean mine = account.username.equals(staff.username());
        if (mine && "no".equals(form.active)) {
            check.add("active", "You cannot deactivate your own account. Ask another administrator to do it");
        }
        if (mine && !account.hasRole(Role.ADMIN)) {
            check.add("roles", "You cannot remove the Administrator role from your own account. Ask another administrator to do it");
        }
        check.check();
        account.active = "yes".equals(form.active);
        flush(account);
        if (!account.roles.equals(rolesBefore) || account.active != activeBefore) {
            // Signed-in sessions began under the old roles or before the deactivation: they end.
            sessions.endAll(account.id);
        }
        String after = describe(account);
        if (!after.equals(before)) {
            audit.record(staff.username(), "ADMIN_UPDATE_ACCOUNT", null, "Changed account " + account.username + ": "
                    + before + " -> " + after);
        }
        return account;
    }

    @Transactional
    public StaffAccount resetPassword(String id, String version, String password) {
        StaffAccount account = locate(id);
        current(account, version);
        Forms check = new Forms();
        check.password("password", password);
        check.check();
        account.setPassword(password);
        account.failedLogins = 0;
        account.lockouts = 0;
        account.lockedUntil = null;
        flush(account);
        // Whoever was signed in with the old password is signed out.
        sessions.endAll(account.id);
        audit.record(staff.username(), "ADMIN_RESET_PASSWORD", null, "Set a new password for account " + account.username);
        return account;
    }

    @Transactional
    public StaffAccount unlock(String id, String version) {
        StaffAccount account = locate(id);
        current(account, version);
        account.failedLogins = 0;
        account.lockouts = 0;
        account.lockedUntil = null;
        flush(account);
        audit.record(staff.username(), "ADMIN_UNLOCK_ACCOUNT", null, "Unlocked account " + account.username);
        return account;
    }

    /** An administrator resets two-factor sign-in (a lost phone): the app and recovery codes are forgotten, the sessions end. */
    @Transactional
    public StaffAccount resetTwoFactor(String id, String version) {
        StaffAccount account = locate(id);
        current(account, version);
        if (twoFactor.reset(account)) {
            audit.record(staff.username(), "ADMIN_RESET_TWO_FACTOR", null, "Reset two-factor sign-in of account " + account.username);
        }
        return account;
    }

    /**
     * The fields both forms set: name, email, organisation, roles and grants. Everything is looked up
     * before the account is touched, so no query flushes a value that is still to be refused.
     */
    private void apply(StaffAccount account, AccountForm form, Forms check) {
        Organisation organisation = Organisation.findByCode(Objects.requireNonNullElse(Forms.trimmed(form.organisation), ""))
                .orElse(null);
        Map<String, Long> queueIds = queueCodes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Set<String> wardCodes = Ward.<Ward>listAll().stream().map(w -> w.code).collect(Collectors.toSet());

        account.displayName = check.required("displayName", form.displayName, 160, "Enter the person's name", "The name");
        account.email = check.email("email", form.email, 254);
        if (organisation == null) {
            check.add("organisation", "Choose the organisation the person works for");
        } else {
            account.organisation = organisation;
        }
        Set<String> roles = new LinkedHashSet<>(ticked(form.roles));
        Set<String> known = ROLES.stream().map(RoleOption::code).collect(Collectors.toSet());
        if (roles.isEmpty() || !known.containsAll(roles)) {
            check.add("roles", "Choose at least one role");
        } else {
            account.roles = ROLES.stream().map(RoleOption::code).filter(roles::contains).collect(Collectors.joining(","));
        }
        List<String> queues = ticked(form.queues);
        if (!queueIds.keySet().containsAll(queues)) {
            check.add("queues", "Choose queues from the list");
        } else {
            account.queueIds.retainAll(queues.stream().map(queueIds::get).collect(Collectors.toSet()));
            queues.forEach(q -> account.queueIds.add(queueIds.get(q)));
        }
        List<String> wards = ticked(form.wards);
        if (!wardCodes.containsAll(wards)) {
            check.add("wards", "Choose wards from the list");
        } else {
            account.wardCodes.retainAll(wards);
            account.wardCodes.addAll(wards);
        }
    }

    /** What an audit entry says about an account: never its password, email or name. */
    private String describe(StaffAccount account) {
        Map<Long, String> codes = queueCodes();
        return "organisation " + (account.organisation == null ? "none" : account.organisation.code)
                + "; roles " + account.roles
                + "; " + (account.active ? "active" : "deactivated")
                + "; queues " + new TreeSet<>(account.queueIds.stream().map(codes::get).filter(Objects::nonNull).toList())
                + "; wards " + new TreeSet<>(account.wardCodes);
    }

    /** The values of ticked checkboxes, without empty ones. */
    private static List<String> ticked(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static Map<Long, String> queueCodes() {
        return TriageQueue.<TriageQueue>listAll().stream().collect(Collectors.toMap(q -> q.id, q -> q.code));
    }

    private static void current(StaffAccount account, String version) {
        if (!String.valueOf(account.version).equals(Forms.trimmed(version))) {
            throw new AdminConflictException(STALE);
        }
    }

    private static void flush(StaffAccount account) {
        try {
            StaffAccount.flush();
        } catch (OptimisticLockException e) {
            throw new AdminConflictException(STALE);
        }
    }

    private static StaffAccount locate(String id) {
        StaffAccount account = StaffAccount.findById(Forms.id(id, "staff account"));
        if (account == null) {
            throw new NotFoundException("No staff account with this address");
        }
        return account;
    }

    private static int pageOf(String value, int pages) {
        String text = Forms.trimmed(value);
        if (text == null) {
            return 1;
        }
        try {
            return Math.min(Math.max(1, Integer.parseInt(text)), pages);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
